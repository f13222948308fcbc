package de.schulit.servicedesk.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fills the stopped app's database up to a number of tickets, copies of a ticket the load made (same school,
 * requester, service and answers), each with its answers and two history entries, numbered in past years.
 */
final class TicketSeeder {

    private TicketSeeder() {
    }

    static int seed(Database database, int wanted) throws Exception {
        try (Connection db = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            db.setAutoCommit(false);
            int existing;
            try (Statement sql = db.createStatement(); ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM ticket")) {
                count.next();
                existing = count.getInt(1);
            }
            long template;
            try (Statement sql = db.createStatement(); ResultSet first = sql.executeQuery("SELECT MIN(id) FROM ticket")) {
                first.next();
                template = first.getLong(1);
            }
            int missing = wanted - existing;
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusYears(1);
            try (PreparedStatement ticket = db.prepareStatement("""
                    INSERT INTO ticket (number, school_id, requester_person_id, requester_name, requester_channel,
                        requester_address, service_id, request_type, priority, status, title, description, created_at, updated_at)
                    SELECT ?, school_id, requester_person_id, requester_name, requester_channel, requester_address,
                        service_id, request_type, priority, ?, title, description, ?, ? FROM ticket WHERE id = ?""",
                    new String[] {"id"});
                 PreparedStatement fields = db.prepareStatement("""
                    INSERT INTO ticket_field (ticket_id, field_index, field_key, field_value)
                    SELECT ?, field_index, field_key, field_value FROM ticket_field WHERE ticket_id = ?""");
                 PreparedStatement history = db.prepareStatement("""
                    INSERT INTO ticket_history (ticket_id, type, author, text, status, created_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < missing; i++) {
                    OffsetDateTime created = at.plusSeconds(i * 60L);
                    ticket.setString(1, String.format("SD-%d-%05d", 2000 + i / 99_999, 1 + i % 99_999));
                    ticket.setString(2, i % 3 == 0 ? "NEW" : "RESOLVED");
                    ticket.setObject(3, created);
                    ticket.setObject(4, created);
                    ticket.setLong(5, template);
                    ticket.executeUpdate();
                    long id;
                    try (ResultSet key = ticket.getGeneratedKeys()) {
                        key.next();
                        id = key.getLong(1);
                    }
                    fields.setLong(1, id);
                    fields.setLong(2, template);
                    fields.addBatch();
                    history.setLong(1, id);
                    history.setString(2, "CREATED");
                    history.setString(3, "Lastnutzer");
                    history.setString(4, "Der Drucker im Lehrerzimmer druckt nur noch leere Seiten");
                    history.setString(5, "NEW");
                    history.setObject(6, created);
                    history.addBatch();
                    history.setLong(1, id);
                    history.setString(2, "AGENT_REPLY");
                    history.setString(3, "Servicedesk");
                    history.setString(4, "Der Techniker kommt morgen um 11 Uhr und bringt eine neue Trommel mit.");
                    history.setString(5, null);
                    history.setObject(6, created.plusMinutes(30));
                    history.addBatch();
                    if (i % 1000 == 999 || i == missing - 1) {
                        fields.executeBatch();
                        history.executeBatch();
                        db.commit();
                    }
                }
            }
            return Math.max(0, missing);
        }
    }
}
