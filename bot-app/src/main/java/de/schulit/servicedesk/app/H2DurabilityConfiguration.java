package de.schulit.servicedesk.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * On an H2 database kept in files, a read-write transaction returns from its commit only once H2 has written it to
 * the file, so a killed process loses nothing that was acknowledged. H2 can do that itself ({@code WRITE_DELAY=0}),
 * but then every commit writes its own chunk, one after the other: that was half of a dialog turn's CPU (load
 * harness: 800 turns/s with it, 1,970 turns/s with H2's default delay and no guarantee). Here H2 keeps its default
 * background writer and committers wait for a {@code CHECKPOINT} that began after their commit; one checkpoint
 * serves all commits that arrived while the previous one ran ({@link GroupCommit}). PostgreSQL needs none of this.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(H2DurabilityConfiguration.H2FileDatabase.class)
class H2DurabilityConfiguration {

    @Bean
    H2Checkpoints h2Checkpoints(DataSourceProperties dataSource, MeterRegistry meters) throws SQLException {
        return new H2Checkpoints(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword(), Timer.builder("servicedesk.h2.checkpoints")
                        .description("Shared H2 checkpoints that acknowledged commits waited for").register(meters));
    }

    /** Registered with the transaction manager by Spring Boot, like every such listener bean. */
    @Bean
    TransactionExecutionListener durableCommits(H2Checkpoints checkpoints) {
        return new TransactionExecutionListener() {
            @Override
            public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
                if (commitFailure == null && !transaction.isReadOnly()) {
                    checkpoints.awaitWritten();
                }
            }
        };
    }

    /**
     * Runs the checkpoints on a connection of its own: one from the pool could be waited for by the very committers
     * that wait for the checkpoint, each holding a pooled connection until its commit is written.
     */
    static final class H2Checkpoints implements DisposableBean {

        private final String url;
        private final String username;
        private final String password;
        private final GroupCommit group = new GroupCommit(this::checkpoint);
        private final Timer timer;
        private Connection connection;
        private boolean closed;

        H2Checkpoints(String url, String username, String password, Timer timer) throws SQLException {
            this.url = url;
            this.username = username;
            this.password = password;
            this.timer = timer;
            connection = DriverManager.getConnection(url, username, password);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                closeQuietly();
                throw new IllegalStateException("spring.datasource.username: H2 refused a CHECKPOINT (" + e.getMessage()
                        + "). The bot needs an H2 user with admin rights (such as the database's creator, sa) to write"
                        + " commits to the file before it acknowledges them.", e);
            }
        }

        void awaitWritten() {
            group.awaitFlushed();
        }

        /** Called by one thread at a time ({@link GroupCommit}'s leader); after shutdown H2's close writes all. */
        private synchronized void checkpoint() {
            if (closed) {
                return;
            }
            try {
                if (connection == null) {
                    connection = DriverManager.getConnection(url, username, password);
                }
                long started = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
                timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            } catch (SQLException e) {
                closeQuietly(); // reconnect on the next try
                throw new IllegalStateException("H2 CHECKPOINT failed: " + e.getMessage(), e);
            }
        }

        private void closeQuietly() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the connection is given up either way
                }
                connection = null;
            }
        }

        @Override
        public synchronized void destroy() {
            closed = true;
            closeQuietly();
        }
    }

    /** An embedded or server H2 database in files; not {@code jdbc:h2:mem:}, not PostgreSQL. */
    static final class H2FileDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        }
    }
}
