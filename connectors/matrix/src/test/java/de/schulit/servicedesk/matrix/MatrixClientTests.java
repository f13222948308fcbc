package de.schulit.servicedesk.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The client against the fake homeserver: the calls, their JSON shapes, and how failures surface. */
class MatrixClientTests {

    static final String USER = "@anna:" + FakeHomeserver.SERVER;
    final JsonMapper json = JsonMapper.builder().build();
    final FakeHomeserver homeserver = new FakeHomeserver();
    final MatrixClient client = client(FakeHomeserver.TOKEN);

    MatrixClient client(String token) {
        return new MatrixClient(HttpClient.newHttpClient(), homeserver.baseUrl(), token, json);
    }

    @AfterEach
    void stop() {
        homeserver.close();
    }

    @Test
    void logsInWithThePasswordAndUsesTheToken() {
        MatrixClient fresh = client(null);
        assertThatThrownBy(fresh::whoami).isInstanceOf(MatrixException.class);
        fresh.login(FakeHomeserver.BOT, FakeHomeserver.PASSWORD, "SERVICEDESKBOT");
        assertThat(fresh.whoami()).isEqualTo(FakeHomeserver.BOT);
    }

    @Test
    void aWrongTokenIsRefusedWithItsErrcode() {
        assertThatThrownBy(() -> client("wrong-token-123").whoami())
                .isInstanceOfSatisfying(MatrixException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errcode()).isEqualTo("M_UNKNOWN_TOKEN");
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void syncWaitsForNewsAndContinuesFromTheSinceToken() throws Exception {
        String room = homeserver.createJoinedRoom(Map.of(USER, 0));
        String since = client.sync(null, MatrixSync.FILTER, Duration.ZERO).path("next_batch").asString();

        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(
                () -> client.sync(since, MatrixSync.FILTER, Duration.ofSeconds(20)));
        String eventId = homeserver.userSends(room, USER, "Hallo");
        JsonNode sync = waiting.get();

        JsonNode events = sync.path("rooms").path("join").path(room).path("timeline").path("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("event_id").asString()).isEqualTo(eventId);
        assertThat(sync.path("next_batch").asString()).isNotEqualTo(since);
        JsonNode nothingNew = client.sync(sync.path("next_batch").asString(), MatrixSync.FILTER, Duration.ZERO);
        assertThat(nothingNew.path("rooms").path("join").path(room).isMissingNode()).isTrue();
    }

    @Test
    void theSameTransactionIdSendsOnce() {
        String room = homeserver.createJoinedRoom(Map.of());
        ObjectNode content = json.createObjectNode().put("msgtype", "m.notice").put("body", "Hallo");

        String first = client.send(room, "m.room.message", "txn-1", content);
        String again = client.send(room, "m.room.message", "txn-1", content);

        assertThat(again).isEqualTo(first);
        assertThat(homeserver.botMessages(room)).hasSize(1);
    }

    @Test
    void rateLimitsCarryTheWaitFromTheHeaderOrTheOlderBodyField() {
        String room = homeserver.createJoinedRoom(Map.of());
        ObjectNode content = json.createObjectNode().put("msgtype", "m.notice").put("body", "Hallo");
        homeserver.failSends(FakeHomeserver.Failure.RATE_LIMIT_HEADER, FakeHomeserver.Failure.RATE_LIMIT_BODY);

        assertThatThrownBy(() -> client.send(room, "m.room.message", "a", content))
                .isInstanceOfSatisfying(MatrixException.class, e -> {
                    assertThat(e.isRateLimit()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        assertThatThrownBy(() -> client.send(room, "m.room.message", "a", content))
                .isInstanceOfSatisfying(MatrixException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(300)));
        assertThat(homeserver.botMessages(room)).isEmpty();
    }

    @Test
    void aLostAnswerIsANetworkFailureAndTheResendIsRecognised() {
        String room = homeserver.createJoinedRoom(Map.of());
        ObjectNode content = json.createObjectNode().put("msgtype", "m.notice").put("body", "Hallo");
        homeserver.failSends(FakeHomeserver.Failure.DROP_AFTER_DELIVERY);

        assertThatThrownBy(() -> client.send(room, "m.room.message", "t", content))
                .isInstanceOfSatisfying(MatrixException.class, e -> assertThat(e.status()).isZero());
        client.send(room, "m.room.message", "t", content);

        assertThat(homeserver.botMessages(room)).hasSize(1);
    }

    @Test
    void downloadsThroughTheAuthenticatedMediaEndpointWithinTheLimit() {
        String room = homeserver.createJoinedRoom(Map.of(USER, 0));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        homeserver.userSendsFile(room, USER, "m.image", "foto.png", "image/png", png);
        String mxc = client.sync(null, MatrixSync.FILTER, Duration.ZERO).path("rooms").path("join").path(room)
                .path("timeline").path("events").get(0).path("content").path("url").asString();

        assertThat(client.download(mxc, 100).content()).isEqualTo(png);
        assertThat(client.download(mxc, 5).content()).isNull();
        assertThatThrownBy(() -> client("wrong-token-123").download(mxc, 100))
                .isInstanceOfSatisfying(MatrixException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void readsPowerLevelsAndMissingStateAsEmpty() {
        String room = homeserver.createJoinedRoom(Map.of(USER, 50));
        assertThat(client.state(room, "m.room.power_levels", "").orElseThrow().path("users").path(USER).asInt())
                .isEqualTo(50);
        assertThat(client.state(room, "m.room.encryption", "")).isEmpty();
    }
}
