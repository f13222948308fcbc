package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.privacy.ExpiringChats;
import de.schulit.servicedesk.privacy.PersonalData;
import de.schulit.servicedesk.privacy.Retention;
import de.schulit.servicedesk.ticket.TicketDesk;
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

    /** The person enrolled under the name (names are unique in these tests). */
    static Person person(String name) {
        long id = count("SELECT id FROM person WHERE name = ?", name);
        return app.bean(People.class).find(id).orElseThrow();
    }

    static ChannelAddress addressOf(Person person) {
        return app.bean(People.class).addresses(person.id()).get(0);
    }

    /** Joins the ticket as the outage grouping does after "betrifft mich auch". */
    static void join(String number, Person person, String text) {
        TicketDesk desk = app.bean(TicketDesk.class);
        desk.join(desk.find(number).orElseThrow(), person, addressOf(person), text);
    }

    @Test
    void aJoinedTicketAndARatingAreExportedAndErasedWithThePerson() {
        var colleague = app.enrolledChat("demo-grundschule", "STAFF", "Paula Partnerin");
        String number = fileTicket(colleague);
        var joiner = app.enrolledChat("demo-grundschule", "STAFF", "Sven Subscriber");
        Person sven = person("Sven Subscriber");
        ChannelAddress svensChat = addressOf(sven);
        join(number, sven, "Bei uns in Raum 3 auch");
        TicketDesk desk = app.bean(TicketDesk.class);
        desk.rate(desk.find(number).orElseThrow(), sven, 4);

        String export = joiner.says("/meine-daten").text();
        assertThat(export).contains("Tickets, denen Sie sich angeschlossen haben").contains("Ticket " + number)
                .contains("Ihr Nachtrag: Bei uns in Raum 3 auch").contains("Ihre Bewertung (1–5): 4")
                .contains("Tickets: keine.").as("the colleague's report is not Sven's data").doesNotContain("Meldung:")
                .doesNotContain("Angabe");
        assertThat(count("SELECT appended FROM outbound_chat WHERE channel = ? AND address = ?",
                svensChat.channel(), svensChat.id())).as("transactions that wrote to the chat").isGreaterThan(2);

        joiner.says("/daten-loeschen").presses("erase");

        JsonNode kept = ticket(number);
        assertThat(kept.get("affected").asInt()).as("still counted").isEqualTo(2);
        JsonNode subscriber = kept.get("subscribers").get(0);
        assertThat(subscriber.get("name").asString()).isEqualTo(PersonalData.PSEUDONYM);
        assertThat(subscriber.get("channel").isNull()).isTrue();
        assertThat(subscriber.get("personId").asLong()).isZero();
        assertThat(kept.get("history").toString()).doesNotContain("Sven Subscriber").contains("Bei uns in Raum 3 auch")
                .contains("Paula Partnerin");
        assertThat(count("SELECT COUNT(*) FROM ticket_subscriber WHERE channel = ? AND address = ?",
                svensChat.channel(), svensChat.id())).isZero();
        assertThat(count("SELECT appended FROM outbound_chat WHERE channel = ? AND address = ?",
                svensChat.channel(), svensChat.id())).as("forgotten; only the confirmation since").isOne();

        String cursor = joiner.lastId();
        assertThat(app.post("/api/tickets/" + number + "/messages", Map.of("text", "Wir kommen."),
                RunningApp.AGENT_KEY).status()).isEqualTo(200);
        assertThat(joiner.messagesAfter(cursor)).isEmpty();
    }

    @Test
    void retentionDeletesOldTranscriptsAndChatsAndPseudonymisesLongClosedTickets() {
        var closing = app.enrolledChat("demo-gymnasium", "STAFF", "Carl Closed");
        String closed = fileTicket(closing);
        var waiting = app.enrolledChat("demo-gymnasium", "STAFF", "Olga Open");
        String open = fileTicket(waiting);
        join(closed, person("Olga Open"), "Olga hat das auch");
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
        JsonNode olgaJoined = ticket(closed).get("subscribers").get(0);
        assertThat(olgaJoined.get("name").asString()).isEqualTo("Olga Open");
        assertThat(olgaJoined.get("channel").isNull()).as("her chat expired").isTrue();
        assertThat(count("SELECT COUNT(*) FROM outbound_chat")).as("no chat without messages keeps its row").isZero();

        Retention sevenMonthsLater = retentionIn(Duration.ofDays(7 * 31));
        assertThat(sevenMonthsLater.run().pseudonymisedTickets()).isOne();
        JsonNode pseudonymised = ticket(closed);
        assertThat(pseudonymised.get("requester").get("name").asString()).isEqualTo(PersonalData.PSEUDONYM);
        assertThat(pseudonymised.get("history").toString()).doesNotContain("Carl Closed").doesNotContain("Olga Open")
                .contains("erledigt").contains("Olga hat das auch");
        assertThat(pseudonymised.get("subscribers").get(0).get("name").asString()).isEqualTo(PersonalData.PSEUDONYM);
        assertThat(pseudonymised.get("affected").asInt()).isEqualTo(2);
        assertThat(pseudonymised.get("description").asString()).startsWith(WebChatScenarioIntegrationTests.PRINTER);
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
