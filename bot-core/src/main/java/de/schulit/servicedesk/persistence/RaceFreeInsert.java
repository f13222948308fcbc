package de.schulit.servicedesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Inserts a row that a concurrent transaction may insert first. Losing that race (a unique violation) is undone to a
 * savepoint, so the surrounding transaction stays usable: PostgreSQL would otherwise abort all of it.
 */
final class RaceFreeInsert {

    /** SQL state of a unique key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private RaceFreeInsert() {
    }

    /** Whether this call inserted the row (false: it was there already). */
    static boolean insert(Connection connection, String sql, Object... parameters) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }
}
