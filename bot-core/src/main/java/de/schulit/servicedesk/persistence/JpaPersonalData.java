package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.privacy.PersonalData;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PersonalData} as set-based SQL (one statement per rule, however many rows are due). Erasing a person runs
 * inside a dialog turn, so it flushes and clears the persistence context around its statements: nothing loaded
 * earlier in the turn is written back over the deleted rows.
 */
@Repository
@Transactional
public class JpaPersonalData implements PersonalData {

    /** History entries whose author is the requester; agents' entries keep their author. */
    private static final String REQUESTER_ENTRIES = "type IN ('CREATED', 'REQUESTER_MESSAGE', 'ATTACHMENT')";

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    JpaPersonalData(JdbcTemplate jdbc, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    @Override
    public int deleteConversationsBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM conversation WHERE updated_at < ?", at(cutoff));
    }

    @Override
    public int deleteOutboundMessagesBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM outbound_message WHERE created_at < ?", at(cutoff));
    }

    @Override
    public int deleteUnlinkedAttachmentsBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM attachment WHERE ticket_number IS NULL AND created_at < ?", at(cutoff));
    }

    @Override
    public int forgetAddresses(Collection<ChannelAddress> addresses) {
        int forgotten = 0;
        for (ChannelAddress address : addresses) {
            jdbc.update("DELETE FROM conversation WHERE channel = ? AND external_id = ?", address.channel(), address.id());
            jdbc.update("DELETE FROM outbound_message WHERE channel = ? AND address = ?", address.channel(), address.id());
            forgotten += jdbc.update("DELETE FROM channel_identity WHERE channel = ? AND external_id = ?",
                    address.channel(), address.id());
        }
        return forgotten;
    }

    @Override
    public int deletePersonsWithoutIdentityBefore(Instant cutoff) {
        return jdbc.update("""
                DELETE FROM person WHERE created_at < ?
                AND NOT EXISTS (SELECT 1 FROM channel_identity i WHERE i.person_id = person.id)
                AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.requester_person_id = person.id AND t.status <> 'CLOSED')""",
                at(cutoff));
    }

    @Override
    public int pseudonymiseClosedTicketsBefore(Instant cutoff) {
        return pseudonymiseTickets("status = 'CLOSED' AND updated_at < ? AND requester_address IS NOT NULL", at(cutoff));
    }

    @Override
    public List<ChannelAddress> erasePerson(long personId) {
        entityManager.flush();
        List<ChannelAddress> addresses = jdbc.query(
                "SELECT channel, external_id FROM channel_identity WHERE person_id = ?",
                (row, i) -> new ChannelAddress(row.getString(1), row.getString(2)), personId);
        forgetAddresses(addresses);
        // A coordinator's follow-ups on colleagues' tickets: history keeps authors by name only
        jdbc.update("UPDATE ticket_history SET author = ? WHERE " + REQUESTER_ENTRIES
                + " AND author = (SELECT name FROM person WHERE id = ?)"
                + " AND ticket_id IN (SELECT id FROM ticket WHERE school_id = (SELECT school_id FROM person WHERE id = ?))",
                PSEUDONYM, personId, personId);
        pseudonymiseTickets("requester_person_id = ?", personId);
        jdbc.update("DELETE FROM person WHERE id = ?", personId);
        entityManager.clear();
        return addresses;
    }

    /** The tickets matching the condition (one parameter) lose requester name, person and chat; the text stays. */
    private int pseudonymiseTickets(String condition, Object parameter) {
        jdbc.update("UPDATE ticket_history SET author = ? WHERE " + REQUESTER_ENTRIES
                + " AND ticket_id IN (SELECT id FROM ticket WHERE " + condition + ")", PSEUDONYM, parameter);
        return jdbc.update("UPDATE ticket SET requester_name = ?, requester_person_id = NULL, requester_channel = NULL,"
                + " requester_address = NULL WHERE " + condition, PSEUDONYM, parameter);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
