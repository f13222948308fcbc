package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.privacy.ExpiringChats;
import de.schulit.servicedesk.privacy.PersonalData;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
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

    /** History entries written by requesters and people who joined; agents' entries keep their author. */
    private static final String REQUESTER_ENTRIES = "type IN ('CREATED', 'REQUESTER_MESSAGE', 'ATTACHMENT', 'RATING')";
    /** A subscription that stays (the ticket's count of people affected) but no longer says who or which chat. */
    private static final String PSEUDONYMISE_SUBSCRIBERS =
            "UPDATE ticket_subscriber SET person_id = NULL, name = ?, channel = NULL, address = NULL WHERE ";

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final ObjectProvider<ExpiringChats> channels;

    JpaPersonalData(JdbcTemplate jdbc, EntityManager entityManager, ObjectProvider<ExpiringChats> channels) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.channels = channels;
    }

    @Override
    public int deleteConversationsBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM conversation WHERE updated_at < ?", at(cutoff));
    }

    @Override
    public int deleteOutboundMessagesBefore(Instant cutoff) {
        int deleted = jdbc.update("DELETE FROM outbound_message WHERE created_at < ?", at(cutoff));
        // The chat's lock row names the chat; the outbox creates it again with the chat's next message.
        jdbc.update("DELETE FROM outbound_chat WHERE NOT EXISTS (SELECT 1 FROM outbound_message m"
                + " WHERE m.channel = outbound_chat.channel AND m.address = outbound_chat.address)");
        return deleted;
    }

    @Override
    public int deleteUnlinkedAttachmentsBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM attachment WHERE ticket_number IS NULL AND created_at < ?", at(cutoff));
    }

    @Override
    public int forgetAddresses(Collection<ChannelAddress> addresses) {
        if (addresses.isEmpty()) {
            return 0;
        }
        channels.orderedStream().forEach(channel -> channel.forget(addresses));
        int forgotten = 0;
        for (ChannelAddress address : addresses) {
            jdbc.update("DELETE FROM conversation WHERE channel = ? AND external_id = ?", address.channel(), address.id());
            jdbc.update("DELETE FROM outbound_message WHERE channel = ? AND address = ?", address.channel(), address.id());
            // The chat's lock row stays (an erasure's own confirmation is queued under it in this transaction); the
            // retention job deletes it with the chat's last message
            jdbc.update("UPDATE outbound_chat SET appended = 0 WHERE channel = ? AND address = ?",
                    address.channel(), address.id());
            // Tickets joined from the chat stay joined (and counted), but nobody is told about them there any more
            jdbc.update("UPDATE ticket_subscriber SET channel = NULL, address = NULL WHERE channel = ? AND address = ?",
                    address.channel(), address.id());
            forgotten += jdbc.update("DELETE FROM channel_identity WHERE channel = ? AND external_id = ?",
                    address.channel(), address.id());
        }
        return forgotten;
    }

    @Override
    public int deletePersonsWithoutIdentityBefore(Instant cutoff) {
        String due = """
                person.created_at < ?
                AND NOT EXISTS (SELECT 1 FROM channel_identity i WHERE i.person_id = person.id)
                AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.requester_person_id = person.id AND t.status <> 'CLOSED')""";
        jdbc.update(PSEUDONYMISE_SUBSCRIBERS + "person_id IN (SELECT id FROM person WHERE " + due + ")", PSEUDONYM,
                at(cutoff));
        return jdbc.update("DELETE FROM person WHERE " + due, at(cutoff));
    }

    @Override
    public int pseudonymiseClosedTicketsBefore(Instant cutoff) {
        jdbc.update(PSEUDONYMISE_SUBSCRIBERS + "name <> ? AND ticket_number IN"
                        + " (SELECT number FROM ticket WHERE status = 'CLOSED' AND updated_at < ?)",
                PSEUDONYM, PSEUDONYM, at(cutoff));
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
        jdbc.update(PSEUDONYMISE_SUBSCRIBERS + "person_id = ?", PSEUDONYM, personId);
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
