package de.schulit.servicedesk.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged app (bot-app's executable jar) as its own process, started from the repository root. */
final class AppProcess implements AutoCloseable {

    static final String ADMIN_KEY = "admin-key-for-the-load-harness";
    static final String AGENT_KEY = "agent-key-for-the-load-harness";
    private static final Pattern HEAP_USED = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",[^}]*} ([0-9.E+]+)");

    final String baseUrl;
    final Duration startup;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The JDK's bin directory the app runs with (its java and jcmd). */
    private final Path jdkBin;

    AppProcess(Path javaHome, Path jar, List<String> jvmOptions, List<String> arguments, Path log) throws Exception {
        int port = freePort();
        jdkBin = javaHome.resolve("bin");
        List<String> command = new ArrayList<>();
        command.add(jdkBin.resolve("java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--servicedesk.api.admin-keys[0]=" + ADMIN_KEY, "--servicedesk.api.agent-keys[0]=" + AGENT_KEY,
                "--logging.level.root=WARN",
                // simulated requesters type at machine speed, all from one address: the abuse limits would
                // measure themselves, not the app (they are per chat and per address, so real users never meet them)
                "--servicedesk.rate-limit.messages-per-minute=10000",
                "--servicedesk.rate-limit.sessions-per-minute=10000"));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        baseUrl = "http://localhost:" + port;
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app ended during start-up; see " + log);
            }
            if (System.nanoTime() - started > Duration.ofMinutes(3).toNanos()) {
                throw new IllegalStateException("the app did not get ready within 3 minutes; see " + log);
            }
            Thread.sleep(20);
        }
        startup = Duration.ofNanos(System.nanoTime() - started);
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An enrollment code of the demo school, from the admin API. */
    String enrollmentCode(String role, int uses) throws Exception {
        String body = "{\"maxUses\":" + uses + ",\"validDays\":1,\"role\":\"" + role + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/schools/demo-grundschule/enrollment-codes"))
                .header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("enrollment code: " + response.statusCode() + " " + response.body());
        }
        Matcher code = Pattern.compile("\"code\":\"([A-Z0-9-]+)\"").matcher(response.body());
        if (!code.find()) {
            throw new IllegalStateException("no code in " + response.body());
        }
        return code.group(1);
    }

    /** A GET with the agent key, e.g. the ticket list; returns the status. */
    int agentGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-API-Key", AGENT_KEY).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** CPU time the app process used so far. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    long pid() {
        return process.pid();
    }

    /** Heap in use after a full GC (jcmd GC.run), from the app's Prometheus endpoint. */
    long heapUsedAfterGc() throws Exception {
        new ProcessBuilder(jdkBin.resolve("jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher used = HEAP_USED.matcher(metrics);
        long total = 0;
        while (used.find()) {
            total += (long) Double.parseDouble(used.group(1));
        }
        return total;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
