package de.schulit.servicedesk.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.schulit.servicedesk.api.ApiErrorAdvice;
import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.QueuedMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;

@WebMvcTest
class WebChatControllerTests {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ChatGateway gateway;

    @MockitoBean
    private Outbox outbox;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void noSessions() {
        jdbc.update("delete from webchat_session");
    }

    /** The stored sessions: hash to created and last seen. */
    private Map<String, List<Instant>> stored() {
        Map<String, List<Instant>> sessions = new HashMap<>();
        jdbc.query("select id_hash, created_at, last_seen_at from webchat_session", row -> {
            sessions.put(row.getString("id_hash"), List.of(
                    row.getObject("created_at", OffsetDateTime.class).toInstant(),
                    row.getObject("last_seen_at", OffsetDateTime.class).toInstant()));
        });
        return sessions;
    }

    private void store(String sessionId, Instant lastSeen) {
        jdbc.update("merge into webchat_session (id_hash, created_at, last_seen_at) key (id_hash) values (?, ?, ?)",
                WebChatSessions.hash(sessionId), lastSeen.atOffset(ZoneOffset.UTC), lastSeen.atOffset(ZoneOffset.UTC));
    }

    @Test
    void aSessionUnusedForLongerThanTheTimeoutIsGone() throws Exception {
        String stale = "S".repeat(43);
        String fresh = "F".repeat(43);
        store(stale, NOW.minus(java.time.Duration.ofDays(30)));
        store(fresh, NOW.minus(java.time.Duration.ofDays(29)));
        given(outbox.after(any(), anyLong(), anyInt())).willReturn(List.of());

        mvc.perform(get("/api/chat/sessions/" + stale + "/messages")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("nicht (mehr)")));
        mvc.perform(post("/api/chat/sessions/" + stale + "/messages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Hallo\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/chat/sessions/" + fresh + "/messages")).andExpect(status().isOk());
        verifyNoInteractions(gateway);
    }

    @Test
    void opensASessionWithAnUnguessableIdAndStoresOnlyItsHash() throws Exception {
        MvcResult result = mvc.perform(post("/api/chat/sessions"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sessionId").isString())
                .andReturn();
        String sessionId = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.sessionId");

        assertThat(sessionId).matches("[A-Za-z0-9_-]{43}");
        assertThat(stored()).containsOnlyKeys(WebChatSessions.hash(sessionId));
        assertThat(WebChatSessions.hash(sessionId)).matches("[0-9a-f]{64}").doesNotContain(sessionId);
        assertThat(stored().get(WebChatSessions.hash(sessionId))).as("created, last seen").containsExactly(NOW, NOW);
    }

    @Test
    void sessionIdsDiffer() throws Exception {
        String first = openSession();
        String second = openSession();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void typedTextGoesToTheDialogAndItsRepliesComeBack() throws Exception {
        String sessionId = openSession();
        ChannelAddress address = WebChatSessions.address(WebChatSessions.hash(sessionId));
        given(gateway.receive(any())).willReturn(List.of(
                new QueuedMessage(41, address, BotMessage.of("Ich ordne das so ein: Drucken & Kopieren. Passt das?",
                        List.of(new Option("yes", "Ja, passt"), new Option("other", "Andere Kategorie"))),
                        Instant.parse("2026-03-02T08:15:31Z")),
                new QueuedMessage(42, address, BotMessage.of("Zeile 1\nZeile 2"), Instant.parse("2026-03-02T08:15:32Z"))));

        mvc.perform(post("/api/chat/sessions/{id}/messages", sessionId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Der Drucker druckt nur leere Seiten\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages.length()").value(2))
                .andExpect(jsonPath("$.messages[0].id").value("41"))
                .andExpect(jsonPath("$.messages[0].text").value("Ich ordne das so ein: Drucken & Kopieren. Passt das?"))
                .andExpect(jsonPath("$.messages[0].options.length()").value(2))
                .andExpect(jsonPath("$.messages[0].options[0].id").value("yes"))
                .andExpect(jsonPath("$.messages[0].options[0].label").value("Ja, passt"))
                .andExpect(jsonPath("$.messages[0].at").value("2026-03-02T08:15:31Z"))
                .andExpect(jsonPath("$.messages[1].id").value("42"))
                .andExpect(jsonPath("$.messages[1].text").value("Zeile 1\nZeile 2"))
                .andExpect(jsonPath("$.messages[1].options").isEmpty());

        ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
        verify(gateway).receive(inbound.capture());
        assertThat(inbound.getValue()).isEqualTo(Inbound.text(address, "Der Drucker druckt nur leere Seiten", NOW));
        assertThat(address.channel()).isEqualTo("webchat");
        assertThat(address.id()).doesNotContain(sessionId);
    }

    @Test
    void aPressedButtonArrivesAsOptionId() throws Exception {
        String sessionId = openSession();
        given(gateway.receive(any())).willReturn(List.of());

        mvc.perform(post("/api/chat/sessions/{id}/messages", sessionId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"optionId\": \"yes\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages").isArray())
                .andExpect(jsonPath("$.messages").isEmpty());

        verify(gateway).receive(Inbound.option(WebChatSessions.address(WebChatSessions.hash(sessionId)), "yes", NOW));
    }

    @Test
    void emptyTextIsLeftToTheDialog() throws Exception {
        String sessionId = openSession();
        given(gateway.receive(any())).willReturn(List.of());

        mvc.perform(post("/api/chat/sessions/{id}/messages", sessionId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"\"}"))
                .andExpect(status().isOk());

        verify(gateway).receive(Inbound.text(WebChatSessions.address(WebChatSessions.hash(sessionId)), "", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"text\": null}",
            "{\"text\": \"a\", \"optionId\": \"b\"}",
            "{\"text\": 5}",
            "{\"text\": true}",
            "{\"text\": [\"a\"]}",
            "{\"optionId\": {\"id\": \"yes\"}}",
            "{\"optionId\": 1}",
            "{\"message\": \"hallo\"}"})
    void aBodyWithoutExactlyOneStringFieldIsRejected(String body) throws Exception {
        String sessionId = openSession();

        mvc.perform(post("/api/chat/sessions/{id}/messages", sessionId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").isString());

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\": ", "kein json", "[\"text\"]", "\"text\"", ""})
    void malformedJsonIsRejected(String body) throws Exception {
        String sessionId = openSession();

        mvc.perform(post("/api/chat/sessions/{id}/messages", sessionId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").isString());

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "zu-kurz",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+"})
    void anUnknownOrMalformedSessionIsNotFound(String sessionId) throws Exception {
        mvc.perform(post("/api/chat/sessions/{id}/messages", sessionId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Hallo\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").isString());
        mvc.perform(get("/api/chat/sessions/{id}/messages", sessionId))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").isString());

        verifyNoInteractions(gateway, outbox);
    }

    @Test
    void pollingReadsTheOutboxAfterTheCursor() throws Exception {
        String sessionId = openSession();
        ChannelAddress address = WebChatSessions.address(WebChatSessions.hash(sessionId));
        given(outbox.after(eq(address), eq(41L), anyInt())).willReturn(List.of(new QueuedMessage(57, address,
                BotMessage.of("Servicedesk zu Ticket SD-2026-00001: <b>Hallo</b>"), Instant.parse("2026-03-02T09:00:00Z"))));

        mvc.perform(get("/api/chat/sessions/{id}/messages", sessionId).param("after", "41"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.messages[0].id").value("57"))
                .andExpect(jsonPath("$.messages[0].text").value("Servicedesk zu Ticket SD-2026-00001: <b>Hallo</b>"))
                .andExpect(jsonPath("$.messages[0].options").isEmpty())
                .andExpect(jsonPath("$.messages[0].at").value("2026-03-02T09:00:00Z"));

        verify(outbox).after(address, 41L, WebChatController.PAGE_SIZE);
    }

    @Test
    void pollingWithoutCursorStartsAtTheBeginning() throws Exception {
        String sessionId = openSession();
        given(outbox.after(any(), anyLong(), anyInt())).willReturn(List.of());

        mvc.perform(get("/api/chat/sessions/{id}/messages", sessionId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages").isEmpty());

        verify(outbox).after(WebChatSessions.address(WebChatSessions.hash(sessionId)), 0L, WebChatController.PAGE_SIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "", "1.5", "0x10", "99999999999999999999", " 1"})
    void aCursorThatIsNoNonNegativeNumberIsRejected(String after) throws Exception {
        String sessionId = openSession();

        mvc.perform(get("/api/chat/sessions/{id}/messages", sessionId).param("after", after))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").isString());

        verify(outbox, never()).after(any(), anyLong(), anyInt());
    }

    @Test
    void aSessionInUseIsMarkedAsSeenAtMostOncePerMinute() throws Exception {
        String sessionId = openSession();
        store(sessionId, NOW.minusSeconds(30));
        given(outbox.after(any(), anyLong(), anyInt())).willReturn(List.of());

        mvc.perform(get("/api/chat/sessions/{id}/messages", sessionId)).andExpect(status().isOk());
        assertThat(stored().get(WebChatSessions.hash(sessionId)).get(1)).isEqualTo(NOW.minusSeconds(30));

        store(sessionId, NOW.minusSeconds(61));
        mvc.perform(get("/api/chat/sessions/{id}/messages", sessionId)).andExpect(status().isOk());
        assertThat(stored().get(WebChatSessions.hash(sessionId)).get(1)).isEqualTo(NOW);
    }

    private String openSession() throws Exception {
        MvcResult result = mvc.perform(post("/api/chat/sessions")).andExpect(status().isCreated()).andReturn();
        return com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.sessionId");
    }

    @SpringBootConfiguration
    @EnableConfigurationProperties(WebChatProperties.class)
    @Import({WebChatController.class, WebChatSessions.class, ApiErrorAdvice.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        /** The session table as the migrations create it (V2), in an in-memory database. */
        @Bean(destroyMethod = "shutdown")
        EmbeddedDatabase database() {
            return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
                    .addScript("webchat-session-schema.sql").build();
        }

        @Bean
        JdbcTemplate jdbcTemplate(EmbeddedDatabase database) {
            return new JdbcTemplate(database);
        }

        @Bean
        PlatformTransactionManager transactionManager(EmbeddedDatabase database) {
            return new DataSourceTransactionManager(database);
        }
    }
}
