package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The conversation state becomes UTF-8 bytes instead of text. H2 writes a text value character by character
 * whenever a page holding it is written, and every dialog turn rewrites the pages of its conversation: in the load
 * harness that loop was nearly half of H2's checkpoint CPU; bytes are copied in one piece. In Java because the two
 * databases name the conversion differently ({@code STRINGTOUTF8} / {@code convert_to}).
 */
public class V14__conversation_state_as_utf8_bytes extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE conversation ADD COLUMN state_utf8 BYTEA");
        }
        try (PreparedStatement read = connection.prepareStatement(
                     "SELECT channel, external_id, state FROM conversation");
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE conversation SET state_utf8 = ? WHERE channel = ? AND external_id = ?");
             ResultSet rows = read.executeQuery()) {
            int pending = 0;
            while (rows.next()) {
                write.setBytes(1, rows.getString("state").getBytes(StandardCharsets.UTF_8));
                write.setString(2, rows.getString("channel"));
                write.setString(3, rows.getString("external_id"));
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE conversation DROP COLUMN state");
            statement.execute("ALTER TABLE conversation RENAME COLUMN state_utf8 TO state");
            statement.execute("ALTER TABLE conversation ALTER COLUMN state SET NOT NULL");
        }
    }
}
