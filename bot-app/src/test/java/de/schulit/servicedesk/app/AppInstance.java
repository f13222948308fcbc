package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.ServicedeskApplication;
import de.schulit.servicedesk.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** One app process (a separate JVM from the built test classpath) of a cluster on one database. */
record AppInstance(Process process, int port) {

    static final String LEASE = "6s"; // takeover within 8 s; the default 15 s gives 20 s
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static AppInstance start(String name, TestDatabase database, String... arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", // a quick start matters more here than peak speed
                "-cp", classpath(), ServicedeskApplication.class.getName(),
                "--server.port=" + port,
                "--servicedesk.api.admin-keys[0]=" + RunningApp.ADMIN_KEY,
                "--servicedesk.api.agent-keys[0]=" + RunningApp.AGENT_KEY,
                "--servicedesk.cluster.lease=" + LEASE,
                "--logging.level.root=WARN",
                "--logging.level.de.schulit.servicedesk.app.LeaseLeadership=INFO"));
        command.addAll(List.of(arguments));
        command.addAll(List.of(database.springArguments()));
        Path log = Path.of("bot-app", "target", "cluster-test", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new AppInstance(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String enrollmentCode() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/schools/demo-grundschule/enrollment-codes"))
                .header("X-API-Key", RunningApp.ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"maxUses\":1,\"validDays\":1,\"role\":\"STAFF\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("code").asString();
    }

    static String classpath() {
        // surefire starts tests from a manifest-only jar; it names the real test classpath in this property
        return Optional.ofNullable(System.getProperty("surefire.test.class.path")).orElse(System.getProperty("java.class.path"))
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
