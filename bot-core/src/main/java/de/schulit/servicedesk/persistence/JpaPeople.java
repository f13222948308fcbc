package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.identity.Role;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link People} in the {@code person} and {@code channel_identity} tables. */
@Repository
@Transactional(readOnly = true)
public class JpaPeople implements People {

    private final PersonRepository persons;
    private final ChannelIdentityRepository identities;
    private final Clock clock;

    JpaPeople(PersonRepository persons, ChannelIdentityRepository identities, ObjectProvider<Clock> clock) {
        this.persons = persons;
        this.identities = identities;
        this.clock = Timestamps.clock(clock);
    }

    @Override
    public Optional<Person> findByAddress(ChannelAddress address) {
        return identities.findById(AddressKey.of(address))
                .flatMap(identity -> persons.findById(identity.personId()))
                .map(PersonEntity::toPerson);
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
