package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.privacy.ExpiringChats;
import de.schulit.servicedesk.privacy.PersonalData;
import de.schulit.servicedesk.privacy.Retention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Data protection on the real app and its H2 file database: the export, the erasure inside a dialog turn, and the
 * retention rules run with the clock moved a month and seven months ahead.
 */
class DataProtectionIntegrationTests {

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp("privacy");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String fileTicket(RunningApp.Chat chat) {
        chat.says(WebChatScenarioIntegrationTests.PRINTER);
        PrintingIntake.choosePrinting(chat);
        return WebChatScenarioIntegrationTests.finishIntake(chat);
    }

    static JsonNode ticket(String number) {
        return app.get("/api/tickets/" + number, RunningApp.AGENT_KEY).json();
    }

    static long count(String sql, Object... params) {
        var statement = JdbcClient.create(dataSource()).sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    static javax.sql.DataSource dataSource() {
        return app.bean(javax.sql.DataSource.class);
    }

    @Test
    void myDataShowsThePersonAndTheirTicketWithTheAgentsAnswerButNoInternalNote() {
        var chat = app.enrolledChat("demo-grundschule", "STAFF", "Erika Export");
        String number = fileTicket(chat);
        app.post("/api/tickets/" + number + "/messages", Map.of("text", "Wir kommen morgen."), RunningApp.AGENT_KEY);
        app.post("/api/tickets/" + number + "/messages", Map.of("text", "intern: alter Drucker", "internal", true),
                RunningApp.AGENT_KEY);

        String export = chat.says("/meine-daten").text();

        assertThat(export).contains("Name: Erika Export").contains("Demo-Grundschule am See")
                .contains("Ticket " + number).contains(WebChatScenarioIntegrationTests.PRINTER)
                .contains("Wir kommen morgen.").doesNotContain("alter Drucker");
    }

    @Test
    void deleteDataErasesThePersonAndItsChatsAndKeepsThePseudonymisedTicket() {
        var chat = app.enrolledChat("demo-grundschule", "STAFF", "Lena Löschen");
        String number = fileTicket(chat);
        long person = ticket(number).get("requester").get("personId").asLong();

        assertThat(chat.says("/daten-loeschen").optionIds()).containsExactly("erase", "keep");
        assertThat(chat.presses("erase").text()).contains("pseudonymisiert");

        JsonNode kept = ticket(number);
        assertThat(kept.get("requester").get("name").asString()).isEqualTo(PersonalData.PSEUDONYM);
        assertThat(kept.get("requester").get("channel").isNull()).isTrue();
        assertThat(kept.get("description").asString()).startsWith(WebChatScenarioIntegrationTests.PRINTER);
        assertThat(kept.get("history").toString()).doesNotContain("Lena Löschen");
        assertThat(count("SELECT COUNT(*) FROM person WHERE id = ?", person)).isZero();
        assertThat(count("SELECT COUNT(*) FROM channel_identity WHERE person_id = ?", person)).isZero();

        String cursor = chat.lastId();
        assertThat(app.post("/api/tickets/" + number + "/status", Map.of("status", "IN_PROGRESS"),
                RunningApp.AGENT_KEY).status()).isEqualTo(200);
        assertThat(chat.messagesAfter(cursor)).isEmpty();
        assertThat(chat.says("Hallo").text()).contains("Hinweis zum Datenschutz").contains("/start");
        assertThat(chat.says("Status " + number).text()).doesNotContain("In Bearbeitung");
    }

    @Test
    void anErasedCoordinatorsFollowUpOnAColleaguesTicketNoLongerNamesThem() {
        var colleague = app.enrolledChat("demo-grundschule", "STAFF", "Paul Partner");
        String number = fileTicket(colleague);
        var coordinator = app.enrolledChat("demo-grundschule", "COORDINATOR", "Kora Koordinatorin");
        assertThat(coordinator.says("Nachtrag zu " + number + ": Betrifft auch Raum 12").text()).contains(number);
        assertThat(ticket(number).get("history").toString()).contains("Kora Koordinatorin");

        coordinator.says("/daten-loeschen").presses("erase");

        JsonNode kept = ticket(number);
        assertThat(kept.get("history").toString()).doesNotContain("Kora Koordinatorin").contains("Betrifft auch Raum 12");
        assertThat(kept.get("requester").get("name").asString()).isEqualTo("Paul Partner");
    }

    @Test
    void retentionDeletesOldTranscriptsAndChatsAndPseudonymisesLongClosedTickets() {
        var closing = app.enrolledChat("demo-gymnasium", "STAFF", "Carl Closed");
        String closed = fileTicket(closing);
        var waiting = app.enrolledChat("demo-gymnasium", "STAFF", "Olga Open");
        String open = fileTicket(waiting);
        app.post("/api/tickets/" + closed + "/status", Map.of("status", "CLOSED", "comment", "erledigt"),
                RunningApp.AGENT_KEY);
        long carl = ticket(closed).get("requester").get("personId").asLong();
        long olga = ticket(open).get("requester").get("personId").asLong();

        assertThat(retentionIn(Duration.ZERO).run().total()).as("nothing is due yet").isZero();
        assertThat(closing.says("/tickets").text()).contains(closed);

        Retention.Report month = retentionIn(Duration.ofDays(31)).run();
        assertThat(month.expiredChats()).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM outbound_message WHERE created_at < ?",
                java.sql.Timestamp.from(Instant.now()))).isZero();
        assertThat(count("SELECT COUNT(*) FROM conversation")).isZero();
        assertThat(count("SELECT COUNT(*) FROM webchat_session")).isZero();
        assertThat(count("SELECT COUNT(*) FROM channel_identity WHERE person_id IN (?, ?)", carl, olga)).isZero();
        assertThat(count("SELECT COUNT(*) FROM person WHERE id = ?", carl)).as("no chat, no open ticket").isZero();
        assertThat(count("SELECT COUNT(*) FROM person WHERE id = ?", olga)).as("has an open ticket").isOne();
        assertThat(app.post("/api/chat/sessions/" + closing.sessionId + "/messages", Map.of("text", "Hallo"), null)
                .status()).isEqualTo(404);
        assertThat(ticket(closed).get("requester").get("name").asString()).as("closed only a month ago")
                .isEqualTo("Carl Closed");

        Retention sevenMonthsLater = retentionIn(Duration.ofDays(7 * 31));
        assertThat(sevenMonthsLater.run().pseudonymisedTickets()).isOne();
        JsonNode pseudonymised = ticket(closed);
        assertThat(pseudonymised.get("requester").get("name").asString()).isEqualTo(PersonalData.PSEUDONYM);
        assertThat(pseudonymised.get("history").toString()).doesNotContain("Carl Closed").contains("erledigt");
        assertThat(pseudonymised.get("description").asString()).isEqualTo(WebChatScenarioIntegrationTests.PRINTER);
        assertThat(ticket(open).get("requester").get("name").asString()).isEqualTo("Olga Open");
        assertThat(sevenMonthsLater.run().total()).as("a second run finds nothing more").isZero();
    }

    /** The retention rules on the app's database, run as if it were later by the offset. */
    static Retention retentionIn(Duration offset) {
        return new Retention(app.bean(PersonalData.class), List.of(app.bean(ExpiringChats.class)),
                Clock.offset(Clock.systemUTC(), offset), new Retention.Settings(Duration.ofDays(30), Period.ofMonths(6)));
    }

    @Test
    void theScheduledJobRunsOnTheRealClockWithoutTouchingFreshData() {
        var chat = app.enrolledChat("demo-grundschule", "STAFF", "Jana Job");
        app.bean(RetentionJob.class).applyRetention();
        assertThat(chat.says("/tickets").text()).contains("noch keine Tickets");
    }
}
