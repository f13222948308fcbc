package de.schulit.servicedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.schulit.servicedesk.testing.TestDatabase;
import de.schulit.servicedesk.ticket.Tickets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migrations that move existing data, run on a database of the previous version (H2, and PostgreSQL in its run). */
class MigrationTests {

    @Test
    void roomKeysOfExistingTicketsAreFilledInAsTheAppComputesThem(@TempDir Path dir) {
        TestDatabase database = TestDatabase.create(dir.resolve("db"));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(),
                database.password());
        flyway(dataSource, "10").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO school (id, name) VALUES ('s1', 'Schule')");
        insertTicket(jdbc, 1, "SD-2026-00001", "Raum B 2.11");
        insertTicket(jdbc, 2, "SD-2026-00002", null);
        insertTicket(jdbc, 3, "SD-2026-00003", "Raum " + "X".repeat(300));

        flyway(dataSource, "latest").migrate();

        assertThat(jdbc.queryForList("SELECT room_key FROM ticket ORDER BY id", String.class)).containsExactly(
                Tickets.roomKey("Raum B 2.11"), null, Tickets.roomKey("Raum " + "X".repeat(300)));
    }

    @Test
    void conversationStatesStoredAsTextLoadAfterTheMoveToBytes(@TempDir Path dir) {
        TestDatabase database = TestDatabase.create(dir.resolve("db"));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(),
                database.password());
        flyway(dataSource, "13").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String umlauts = "{\"step\":\"IDLE\",\"language\":\"de\",\"draft\":{\"description\":\"Drucker im Büro grüßt"
                + " nicht \\u00e4 \\\\ \\\"\"}}";
        for (int i = 0; i < 1_201; i++) { // more than one batch of the migration
            jdbc.update("INSERT INTO conversation (channel, external_id, state, updated_at, in_intake, version)"
                    + " VALUES ('webchat', ?, ?, CURRENT_TIMESTAMP, FALSE, 3)", "chat-" + i, i == 7 ? umlauts : "{}");
        }

        flyway(dataSource, "latest").migrate();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conversation", Long.class)).isEqualTo(1_201);
        byte[] state = jdbc.queryForObject("SELECT state FROM conversation WHERE external_id = 'chat-7'",
                byte[].class);
        assertThat(new String(state, StandardCharsets.UTF_8)).isEqualTo(umlauts);
        assertThat(jdbc.queryForObject("SELECT version FROM conversation WHERE external_id = 'chat-7'", Long.class))
                .isEqualTo(3);
        assertThatThrownBy(() -> jdbc.update("UPDATE conversation SET state = NULL WHERE external_id = 'chat-8'"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static Flyway flyway(DriverManagerDataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load();
    }

    private static void insertTicket(JdbcTemplate jdbc, long id, String number, String room) {
        jdbc.update("INSERT INTO ticket (id, number, school_id, requester_name, requester_channel, requester_address,"
                + " service_id, request_type, priority, status, title, description, created_at, updated_at)"
                + " VALUES (?, ?, 's1', 'Anna', 'webchat', 'a', 'drucken', 'stoerung', 'P3', 'NEW', 't', 'd',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id, number);
        List<String> fields = room == null ? List.of("geraet") : List.of("geraet", "raum");
        for (int i = 0; i < fields.size(); i++) {
            jdbc.update("INSERT INTO ticket_field (ticket_id, field_index, field_key, field_value) VALUES (?, ?, ?, ?)",
                    id, i, fields.get(i), fields.get(i).equals("raum") ? room : "Drucker");
        }
    }
}
