package de.schulit.servicedesk.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * N requesters over the web chat API (SPEC.md), each in its own thread with blocking HTTP/1.1 calls on a kept-alive
 * connection ({@link HttpURLConnection}: it costs the shared cores a third of the CPU of {@code java.net.http}).
 * Without a rate every user sends its next turn as soon as the last one is answered (a closed loop: it measures the
 * most the app can do, and latency is mostly waiting in line). With a rate the users together send that many turns
 * per second, each on its own schedule (an open loop, as people who do not wait for each other): a turn's latency
 * counts from when it was due, so a turn held up behind a slow one is counted as late too.
 */
final class WebChatLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Staff of one school enroll with one code; all users on one code would measure that row's lock instead. */
    static final int USERS_PER_CODE = 25;

    private final AppProcess app;
    private final String baseUrl;

    /** Time between two turns of one user; 0: none (closed loop). */
    private final long intervalNanos;

    WebChatLoad(AppProcess app, int users, double turnsPerSecond) {
        this.app = app;
        this.baseUrl = app.baseUrl;
        this.intervalNanos = turnsPerSecond > 0 ? (long) (users * 1e9 / turnsPerSecond) : 0;
        // the JDK keeps at most 5 idle connections per server unless told otherwise: every user keeps its own
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, users)));
    }

    private volatile boolean measuring;
    /** When measuring began: paced users start a fresh schedule then, without the warm-up's backlog. */
    private volatile long measuredFromNanos;
    private volatile boolean stopping;

    /** Enrolls the users (not measured), warms up, then measures their reports; returns the tickets made meanwhile. */
    int run(int users, Duration warmUp, Duration measured, Stats stats) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < users; i += USERS_PER_CODE) {
            codes.add(app.enrollmentCode("STAFF", Math.min(USERS_PER_CODE, users - i)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(users);
        CountDownLatch enrolled = new CountDownLatch(users);
        AtomicInteger tickets = new AtomicInteger();
        for (int u = 0; u < users; u++) {
            int user = u;
            threads.execute(() -> {
                Session session;
                try {
                    session = new Session(stats);
                    Intake.enroll(session, codes.get(user / USERS_PER_CODE), user);
                } catch (Exception e) {
                    stats.error();
                    System.err.println("enrollment failed: " + e.getMessage());
                    return;
                } finally {
                    enrolled.countDown();
                }
                for (int round = 0; !stopping; round++) {
                    try {
                        Intake.report(session, user + round);
                        if (measuring) {
                            tickets.incrementAndGet();
                        }
                    } catch (Exception e) {
                        stats.error();
                        System.err.println("report failed: " + e.getMessage());
                    }
                }
            });
        }
        enrolled.await();
        Thread.sleep(warmUp.toMillis());
        measuredFromNanos = System.nanoTime();
        measuring = true;
        stats.start();
        Thread.sleep(measured.toMillis());
        measuring = false;
        stats.end();
        stopping = true;
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
        return tickets.get();
    }

    private record Response(int status, String body) {
    }

    /** Reads the whole answer, so that the connection goes back to the keep-alive cache for the next call. */
    private static Response post(String url, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** One browser tab: a session and the replies of its last turn. */
    private final class Session implements Intake.Chat {
        private final Stats stats;
        private final String messages;
        private JsonNode last;
        private final Schedule schedule = intervalNanos > 0
                ? new Schedule(intervalNanos, System.nanoTime(), Math::random) : null;

        Session(Stats stats) throws Exception {
            this.stats = stats;
            Response created = post(baseUrl + "/api/chat/sessions", "{}");
            if (created.status() != 201) {
                throw new IllegalStateException("session: " + created.status());
            }
            messages = baseUrl + "/api/chat/sessions/" + JSON.readTree(created.body()).get("sessionId").asString()
                    + "/messages";
        }

        @Override
        public void send(String text, String optionId) throws Exception {
            String body = JSON.writeValueAsString(text != null ? Map.of("text", text) : Map.of("optionId", optionId));
            long started = System.nanoTime();
            if (schedule != null) {
                long due = schedule.next(started, measuring ? measuredFromNanos : null);
                if (due > started) {
                    TimeUnit.NANOSECONDS.sleep(due - started);
                }
                started = due;
            }
            Response response = post(messages, body);
            if (measuring && started - measuredFromNanos >= 0) { // not a turn that was due in the warm-up
                stats.record(started);
            }
            if (response.status() != 200) {
                throw new IllegalStateException("turn answered " + response.status() + ": " + response.body());
            }
            last = JSON.readTree(response.body()).get("messages");
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder();
            last.forEach(m -> text.append(m.get("text").asString()).append('\n'));
            return text.toString();
        }

        @Override
        public List<String> optionIds() {
            List<String> ids = new ArrayList<>();
            if (!last.isEmpty()) {
                last.get(last.size() - 1).get("options").forEach(o -> ids.add(o.get("id").asString()));
            }
            return ids;
        }
    }
}
