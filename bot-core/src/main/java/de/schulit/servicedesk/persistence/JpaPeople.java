package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.identity.Role;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link People} in the {@code person} and {@code channel_identity} tables. */
@Repository
@Transactional(readOnly = true)
public class JpaPeople implements People {

    private final PersonRepository persons;
    private final ChannelIdentityRepository identities;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final Clock clock;

    JpaPeople(PersonRepository persons, ChannelIdentityRepository identities, JdbcTemplate jdbc,
              EntityManager entityManager, ObjectProvider<Clock> clock) {
        this.persons = persons;
        this.identities = identities;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.clock = Timestamps.clock(clock);
    }

    /**
     * Plain JDBC, one query: every dialog turn asks who is writing. Pending changes (an enrolment or a language
     * switch earlier in this transaction) are flushed first, as Hibernate would before a query of its own.
     */
    @Override
    public Optional<Person> findByAddress(ChannelAddress address) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            entityManager.flush();
        }
        return jdbc.query("select p.id, p.school_id, p.name, p.role, p.language from channel_identity i"
                        + " join person p on p.id = i.person_id where i.channel = ? and i.external_id = ?",
                (row, n) -> new Person(row.getLong("id"), row.getString("school_id"), row.getString("name"),
                        Role.valueOf(row.getString("role")), row.getString("language")),
                address.channel(), address.id()).stream().findFirst();
    }

    @Override
    public Optional<Person> find(long personId) {
        return persons.findById(personId).map(PersonEntity::toPerson);
    }

    @Override
    @Transactional
    public Person create(String schoolId, String name, Role role, String language) {
        PersonEntity person = persons.save(new PersonEntity(schoolId, name, role, language, clock.instant()));
        return person.toPerson();
    }

    @Override
    @Transactional
    public void link(ChannelAddress address, long personId) {
        if (!persons.existsById(personId)) {
            throw new NoSuchElementException("no person " + personId);
        }
        AddressKey key = AddressKey.of(address);
        identities.findById(key).ifPresentOrElse(
                identity -> identity.personId(personId),
                () -> identities.save(new ChannelIdentityEntity(key, personId, clock.instant())));
    }

    @Override
    public List<ChannelAddress> addresses(long personId) {
        return identities.findByPersonIdOrderByCreatedAtAsc(personId).stream()
                .map(ChannelIdentityEntity::address)
                .toList();
    }

    @Override
    @Transactional
    public void setLanguage(long personId, String language) {
        persons.findById(personId)
                .orElseThrow(() -> new NoSuchElementException("no person " + personId))
                .language(language);
    }
}
