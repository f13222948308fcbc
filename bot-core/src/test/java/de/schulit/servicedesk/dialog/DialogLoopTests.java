package de.schulit.servicedesk.dialog;

import static de.schulit.servicedesk.catalog.RequestType.STOERUNG;
import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.ticket.HistoryEntry;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.ResolvedTicketCloser;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketEvent;
import de.schulit.servicedesk.ticket.TicketStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Grouping, self-help, the resolution loop, English, reminders and the composed ticket, as conversation scripts. */
class DialogLoopTests {

    static final String OUTAGE = "Kein Internet im ganzen Haus";
    static final String JAM = "Papierstau im Kopierer";

    final DialogFixture f = new DialogFixture("src/test/resources/test-catalog-loop.yml");
    final List<TicketEvent> events = new ArrayList<>();

    DialogLoopTests() {
        f.desk.addListener(events::add);
        f.classify(OUTAGE, "internet", STOERUNG);
        f.classify("Internet geht nicht", "internet", STOERUNG);
        f.classify(JAM, "drucken", STOERUNG);
    }

    /** Reports the school-wide outage from start to ticket. */
    Ticket reportOutage(DialogFixture.Chat chat) {
        chat.says(OUTAGE).presses("yes").expect("Wo haben Sie das Problem bemerkt?");
        chat.says("Lehrerzimmer").presses("choice:wlan").presses("impact:WHOLE_SCHOOL").presses("urgency:BLOCKED_NOW")
                .presses("confirm").expect("P1 kritisch");
        return lastTicket();
    }

    /** Reports the paper jam in the room, past the self-help hints, up to the device question. */
    DialogFixture.Chat jamInRoom(DialogFixture.Chat chat, String room) {
        chat.says(JAM).presses("yes").expect("Papierstau beheben");
        return chat.presses("file").expect("In welchem Raum").says(room);
    }

    Ticket lastTicket() {
        List<Ticket> all = f.stores.tickets.all();
        return f.desk.find(all.get(all.size() - 1).number()).orElseThrow();
    }

    double count(String name, String... tags) {
        var counter = f.meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    static List<String> optionIds(BotMessage message) {
        return message.options().stream().map(Option::id).toList();
    }

    BotMessage lastNotification(DialogFixture.Chat chat) {
        List<BotMessage> all = f.notifications(chat);
        return all.get(all.size() - 1);
    }

    @Nested
    class Grouping {

        @Test
        void aSecondReportOfTheOutageJoinsTheOpenTicketInsteadOfFilingAnother() {
            Ticket ticket = reportOutage(f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF));

            var bert = f.enrolled("bert", "Bert Brandt", "gs-park", Role.STAFF);
            bert.says("Internet geht nicht").presses("yes").expect("schon ein Ticket offen: " + ticket.number())
                    .expect("Betroffene bisher: 1");
            assertThat(bert.optionIds()).containsExactly("join", "separate", "back", "cancel");
            bert.presses("join").expect("bei Ticket " + ticket.number() + " eingetragen");
            assertThat(bert.step()).isEqualTo(Step.IDLE);

            assertThat(f.stores.tickets.all()).hasSize(1);
            assertThat(f.desk.subscribers(ticket.number())).extracting(s -> s.name()).containsExactly("Bert Brandt");
            assertThat(lastTicket().history()).anySatisfy(h -> {
                assertThat(h.type()).isEqualTo(HistoryType.REQUESTER_MESSAGE);
                assertThat(h.author()).isEqualTo("Bert Brandt");
                assertThat(h.text()).startsWith("Internet geht nicht");
            });
            assertThat(events).filteredOn(e -> e instanceof TicketEvent.SubscriberJoined)
                    .singleElement().satisfies(e -> assertThat(((TicketEvent.SubscriberJoined) e).affected()).isEqualTo(2));
            assertThat(count("servicedesk.tickets.grouped", "service", "internet")).isEqualTo(1);

            // the subscriber sees the ticket they joined; a colleague who did not join does not
            bert.says("Status " + ticket.number()).expect("Neu");
            bert.says("/tickets").expect(ticket.number());
            f.enrolled("cleo", "Cleo Conrad", "gs-park", Role.STAFF).says("Status " + ticket.number())
                    .expect("nicht gefunden");
        }

        @Test
        void aReportFiledWhileThisOneWasWrittenIsOfferedAtTheConfirmationAndDecliningFilesAtOnce() {
            var bert = f.enrolled("bert", "Bert Brandt", "gs-park", Role.STAFF);
            var cleo = f.enrolled("cleo", "Cleo Conrad", "gs-park", Role.STAFF);
            for (var chat : List.of(bert, cleo)) {
                chat.says("Internet geht nicht").presses("yes").expect("Wo haben Sie das Problem bemerkt?");
                chat.says("Aula").presses("choice:kabel").presses("impact:ONE_ROOM").presses("urgency:NOT_URGENT")
                        .expect("Bitte prüfen Sie Ihre Meldung");
            }
            Ticket ticket = reportOutage(f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF));

            bert.presses("confirm").expect("schon ein Ticket offen: " + ticket.number());
            assertThat(bert.optionIds()).containsExactly("join", "separate", "back", "cancel");
            bert.presses("join").expect("bei Ticket " + ticket.number() + " eingetragen");
            assertThat(f.desk.subscribers(ticket.number())).extracting(s -> s.name()).containsExactly("Bert Brandt");

            cleo.presses("confirm").expect("schon ein Ticket offen: " + ticket.number());
            cleo.presses("separate").expect("ist angelegt");
            assertThat(f.stores.tickets.all()).hasSize(2);
            assertThat(cleo.step()).isEqualTo(Step.IDLE);
        }

        @Test
        void anotherSchoolAnOldTicketAndDecliningAllLeadToANewTicket() {
            Ticket ticket = reportOutage(f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF));

            var olga = f.enrolled("olga", "Olga Ost", "gym-mitte", Role.COORDINATOR);
            olga.says(OUTAGE).presses("yes").expect("Wo haben Sie das Problem bemerkt?");
            olga.says("/status " + ticket.number()).expect("nicht gefunden");

            var bert = f.enrolled("bert", "Bert Brandt", "gs-park", Role.STAFF);
            bert.says("Internet geht nicht").presses("yes").presses("separate").expect("Wo haben Sie das Problem");
            bert.says("Aula").presses("choice:kabel").presses("impact:ONE_ROOM").presses("urgency:NOT_URGENT")
                    .presses("confirm").expect("ist angelegt");
            assertThat(f.stores.tickets.all()).hasSize(2);

            f.clock.advance(DialogFixture.GROUPING_WINDOW.plusMinutes(1));
            var cleo = f.enrolled("cleo", "Cleo Conrad", "gs-park", Role.STAFF);
            cleo.says("Internet geht nicht").presses("yes").expect("Wo haben Sie das Problem bemerkt?");
            assertThat(f.desk.subscribers(ticket.number())).isEmpty();
        }

        @Test
        void aServiceThatAsksForTheRoomGroupsOnlyReportsOfTheSameRoom() {
            var anna = jamInRoom(f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF), "Raum 2.14");
            anna.presses("choice:kopierer").presses("impact:ONE_ROOM").presses("urgency:TODAY_OR_TOMORROW")
                    .presses("confirm");
            Ticket ticket = lastTicket();

            jamInRoom(f.enrolled("dora", "Dora Dietz", "gs-park", Role.STAFF), "3.01").expect("Um welches Gerät");
            jamInRoom(f.enrolled("carl", "Carl Clausen", "gs-park", Role.STAFF), "2.14 ")
                    .expect("schon ein Ticket offen: " + ticket.number()).presses("join");
            assertThat(f.desk.subscribers(ticket.number())).extracting(s -> s.name()).containsExactly("Carl Clausen");
            assertThat(lastTicket().history()).anySatisfy(h ->
                    assertThat(h.text()).contains("In welchem Raum steht das Gerät? 2.14"));
        }

        @Test
        void requesterAndSubscribersHearOfChangesInTheirOwnLanguageAndCanAnswer() {
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            Ticket ticket = reportOutage(anna);
            var bert = f.enrolled("bert", "Bert Brandt", "gs-park", Role.STAFF);
            bert.says("/sprache en");
            bert.says("Internet geht nicht").presses("yes").expect("already has an open ticket").presses("join");

            f.desk.changeStatus(ticket.number(), TicketStatus.IN_PROGRESS, "Der Techniker ist unterwegs.", "Jan");
            f.desk.reply(ticket.number(), "Jan", "Bitte Router nicht ausschalten.", false);
            assertThat(f.notifications(anna)).extracting(BotMessage::text)
                    .anySatisfy(t -> assertThat(t).contains("In Bearbeitung").contains("Der Techniker ist unterwegs."))
                    .anySatisfy(t -> assertThat(t).contains("Bitte Router nicht ausschalten."));
            assertThat(f.notifications(bert)).extracting(BotMessage::text)
                    .anySatisfy(t -> assertThat(t).contains("In progress").contains(ticket.number()))
                    .anySatisfy(t -> assertThat(t).contains("Bitte Router nicht ausschalten."));

            bert.says("It works again in room 12").expect("ticket " + ticket.number()).says("yes");
            assertThat(lastTicket().history()).extracting(HistoryEntry::text).contains("It works again in room 12");
        }
    }

    @Nested
    class SelfHelp {

        @Test
        void aHintThatHelpedMeansNoTicketAndIsCounted() {
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            anna.says(JAM).presses("yes").expect("selbst beheben").expect("Papierstau beheben")
                    .expect("Papier gerade herausziehen").expect("Hat das geholfen?");
            assertThat(anna.optionIds()).containsExactly("helped", "file", "back", "cancel");
            anna.presses("helped").expect("kein Ticket nötig");
            assertThat(anna.step()).isEqualTo(Step.IDLE);
            assertThat(f.stores.tickets.all()).isEmpty();
            assertThat(count("servicedesk.selfhelp.deflections", "service", "drucken")).isEqualTo(1);
            assertThat(count("servicedesk.selfhelp.offered", "service", "drucken")).isEqualTo(1);
        }

        @Test
        void fileAnywayGoesOnWithTheQuestionsAndBackShowsTheHintsAgain() {
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            anna.says(JAM).presses("yes").says("Trotzdem Ticket anlegen").expect("In welchem Raum");
            anna.says("zurück").expect("Papierstau beheben");
            anna.presses("file").says("2.14").presses("choice:drucker").presses("impact:ONLY_ME")
                    .presses("urgency:NOT_URGENT").presses("confirm").expect("ist angelegt");
            assertThat(f.stores.tickets.all()).hasSize(1);
            assertThat(count("servicedesk.selfhelp.deflections", "service", "drucken")).isZero();
        }
    }

    @Nested
    class Resolution {

        @Test
        void noReopensWithTheCommentAndYesClosesWithARating() {
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            Ticket ticket = reportOutage(anna);
            var bert = f.enrolled("bert", "Bert Brandt", "gs-park", Role.STAFF);
            bert.says("Internet geht nicht").presses("yes").presses("join");

            f.desk.changeStatus(ticket.number(), TicketStatus.RESOLVED, "Router getauscht.", "Jan");
            for (var chat : List.of(anna, bert)) {
                BotMessage question = lastNotification(chat);
                assertThat(question.text()).contains("Gelöst").contains("Router getauscht.")
                        .contains("Ist das Problem gelöst?");
                assertThat(optionIds(question))
                        .containsExactly("solved:" + ticket.number(), "unsolved:" + ticket.number());
            }

            anna.presses("unsolved:" + ticket.number()).expect("Was funktioniert bei Ticket " + ticket.number());
            anna.says("Im Neubau geht es immer noch nicht").expect("wieder in Bearbeitung");
            Ticket reopened = lastTicket();
            assertThat(reopened.status()).isEqualTo(TicketStatus.IN_PROGRESS);
            assertThat(reopened.history()).anySatisfy(h -> {
                assertThat(h.type()).isEqualTo(HistoryType.REQUESTER_MESSAGE);
                assertThat(h.text()).isEqualTo("Im Neubau geht es immer noch nicht");
            });
            assertThat(count("servicedesk.tickets.reopened")).isEqualTo(1);
            // bert's button is no longer current: the ticket is not resolved any more
            bert.presses("solved:" + ticket.number()).expect("wartet nicht mehr auf Ihre Bestätigung")
                    .expect("In Bearbeitung");

            f.desk.changeStatus(ticket.number(), TicketStatus.RESOLVED, "Jetzt auch im Neubau.", "Jan");
            anna.says("ja").expect("Ticket " + ticket.number() + " ist jetzt geschlossen").expect("Wie zufrieden");
            assertThat(anna.optionIds()).containsExactly("rate:1", "rate:2", "rate:3", "rate:4", "rate:5", "skip");
            anna.says("4").expect("Vielen Dank für Ihre Bewertung");
            assertThat(anna.step()).isEqualTo(Step.IDLE);

            Ticket closed = lastTicket();
            assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(closed.history()).anySatisfy(h -> {
                assertThat(h.type()).isEqualTo(HistoryType.RATING);
                assertThat(h.text()).isEqualTo("4");
                assertThat(h.author()).isEqualTo("Anna Schmidt");
            });
            assertThat(lastNotification(bert).text()).contains("Geschlossen");
            assertThat(count("servicedesk.tickets.confirmed")).isEqualTo(1);
            var ratings = f.meters.find("servicedesk.tickets.ratings").summary();
            assertThat(ratings.count()).isEqualTo(1);
            assertThat(ratings.totalAmount()).isEqualTo(4.0);
        }

        @Test
        void theQuestionCanBeAnsweredInTheMiddleOfAnotherReportWhichThenGoesOn() {
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            Ticket ticket = reportOutage(anna);
            jamInRoom(anna, "2.14").expect("Um welches Gerät");
            f.desk.changeStatus(ticket.number(), TicketStatus.RESOLVED, "", "Jan");

            anna.presses("solved:" + ticket.number()).expect("geschlossen").expect("Wie zufrieden");
            anna.presses("skip").expect("ohne Bewertung").expect("Um welches Gerät");
            assertThat(anna.step()).isEqualTo(Step.QUESTION);
            anna.presses("choice:drucker").expect("Wer ist betroffen");
            assertThat(f.desk.find(ticket.number()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        }

        @Test
        void cancellingTheCommentKeepsTheTicketResolved() {
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            Ticket ticket = reportOutage(anna);
            f.desk.changeStatus(ticket.number(), TicketStatus.RESOLVED, "", "Jan");
            anna.says("nein").expect("Was funktioniert");
            anna.says("abbrechen").expect("bleibt gelöst");
            assertThat(lastTicket().status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(anna.step()).isEqualTo(Step.IDLE);
        }

        @Test
        void aResolvedTicketWithoutAnswerClosesAfterTheConfiguredTime() {
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            Ticket ticket = reportOutage(anna);
            var closer = new ResolvedTicketCloser(f.desk, f.clock, Duration.ofDays(3), f.meters);
            f.desk.changeStatus(ticket.number(), TicketStatus.RESOLVED, "", "Jan");

            f.clock.advance(Duration.ofDays(3).minusMinutes(1));
            assertThat(closer.run()).isZero();
            assertThat(lastTicket().status()).isEqualTo(TicketStatus.RESOLVED);

            f.clock.advance(Duration.ofMinutes(1));
            assertThat(closer.run()).isEqualTo(1);
            assertThat(lastTicket().status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(lastNotification(anna).text()).contains("Geschlossen");
            assertThat(count("servicedesk.tickets.autoclosed")).isEqualTo(1);
            assertThat(closer.run()).isZero();

            anna.presses("solved:" + ticket.number()).expect("wartet nicht mehr");
        }
    }

    @Nested
    class English {

        @Test
        void someoneWhoWritesEnglishIsAnsweredInEnglishAlsoInNotifications() {
            String text = "The internet is down in the whole building";
            f.classify(text, "internet", STOERUNG, "en");
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            anna.says(text).expect("I would file this as: Internet access – ");
            anna.presses("yes").expect("Where did you notice the problem?");
            anna.says("staff room").presses("choice:wlan").expect("Who is affected?");
            assertThat(f.stores.people.findByAddress(anna.address).orElseThrow().language()).isEqualTo("en");

            anna.presses("impact:WHOLE_SCHOOL").presses("urgency:BLOCKED_NOW").presses("confirm");
            Ticket ticket = lastTicket();
            assertThat(ticket.description()).contains("Kategorie: Internetzugang – Störung");
            f.desk.changeStatus(ticket.number(), TicketStatus.RESOLVED, "", "Jan");
            assertThat(lastNotification(anna).text()).contains("Is the problem solved?");
            assertThat(lastNotification(anna).options()).extracting(Option::label)
                    .containsExactly("Yes, solved", "No, not yet");
        }

        @Test
        void aShortTextIsNotEnoughToSwitchAndSpracheSwitchesBack() {
            f.classify("printer broken", "drucken", STOERUNG, "en");
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            anna.says("printer broken").expect("Passt das?");
            anna.says("/sprache en").expect("in English");
            anna.says("/sprache de").expect("auf Deutsch").expect("Passt das?");
        }
    }

    @Nested
    class Reminders {

        final IntakeReminders reminders = new IntakeReminders(f.stores.conversations, f.stores.outbox, f.messages,
                f.clock, f.hours, Duration.ofMinutes(30), Duration.ofHours(24));

        @Test
        void anUnfinishedReportIsRemindedOnceAndThenDiscarded() {
            var anna = jamInRoom(f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF), "2.14");
            f.enrolled("idle", "Ida Idle", "gs-park", Role.STAFF);

            f.clock.advance(Duration.ofMinutes(29));
            assertThat(reminders.run()).isZero();
            f.clock.advance(Duration.ofMinutes(2));
            assertThat(reminders.run()).isEqualTo(1);
            BotMessage reminder = lastNotification(anna);
            assertThat(reminder.text()).contains("Meldung angefangen").contains(JAM);
            assertThat(optionIds(reminder)).containsExactly("choice:drucker", "choice:kopierer", "back", "cancel");
            assertThat(reminders.run()).isZero();

            f.clock.advance(Duration.ofHours(24));
            assertThat(reminders.run()).isEqualTo(1);
            assertThat(lastNotification(anna).text()).contains("verworfen").contains(JAM);
            assertThat(anna.step()).isEqualTo(Step.IDLE);
            assertThat(f.stores.conversations.load(anna.address).orElseThrow().draft()).isNull();
            assertThat(reminders.run()).isZero();
            anna.presses("choice:drucker").expect("nicht mehr aktuell");
            assertThat(f.stores.tickets.all()).isEmpty();
        }

        @Test
        void nothingIsSentOutsideBusinessHoursWhatFellDueIsSentAtTheNextOpening() {
            f.clock.advance(Duration.ofHours(4).plusMinutes(45)); // Thursday 14:45, the desk closes at 15:00
            var anna = jamInRoom(f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF), "2.14");
            f.clock.advance(Duration.ofMinutes(31));
            assertThat(reminders.run()).isZero();
            f.clock.advance(Duration.ofHours(6)); // Thursday 21:16
            assertThat(reminders.run()).isZero();
            assertThat(f.notifications(anna)).isEmpty();

            f.clock.advance(Duration.ofHours(10)); // Friday 07:16
            assertThat(reminders.run()).isEqualTo(1);
            assertThat(lastNotification(anna).text()).contains("Meldung angefangen");
            f.clock.advance(Duration.ofDays(1)); // Saturday: expired, but nobody is told at the weekend
            assertThat(reminders.run()).isZero();
            f.clock.advance(Duration.ofDays(2)); // Monday 07:16
            assertThat(reminders.run()).isEqualTo(1);
            assertThat(lastNotification(anna).text()).contains("verworfen");
        }

        @Test
        void answeringAfterTheReminderKeepsTheReportAndASilenceLaterIsRemindedAgain() {
            var anna = jamInRoom(f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF), "2.14");
            f.clock.advance(Duration.ofMinutes(31));
            assertThat(reminders.run()).isEqualTo(1);
            anna.presses("choice:drucker").expect("Wer ist betroffen");

            f.clock.advance(Duration.ofMinutes(31));
            assertThat(reminders.run()).isEqualTo(1);
            anna.presses("impact:ONLY_ME").presses("urgency:NOT_URGENT").presses("confirm").expect("ist angelegt");
            f.clock.advance(Duration.ofDays(2));
            assertThat(reminders.run()).isZero();
        }
    }

    @Nested
    class ComposedTicket {

        @Test
        void titleAndDescriptionAreComposedFromTheDialogAndTheTranscriptIsKept() {
            Ticket ticket = reportOutage(f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF));
            assertThat(ticket.title()).isEqualTo("Internetzugang / WLAN, Lehrerzimmer: Kein Internet im ganzen Haus");
            assertThat(ticket.description()).isEqualTo("""
                    Kein Internet im ganzen Haus

                    Kategorie: Internetzugang – Störung
                    Wo haben Sie das Problem bemerkt? Lehrerzimmer
                    Wie sind die Geräte verbunden? WLAN
                    Betroffen: Die ganze Schule
                    Dringlichkeit: Unterricht jetzt blockiert""");
            HistoryEntry transcript = ticket.history().stream().filter(h -> h.type() == HistoryType.INTERNAL_NOTE)
                    .findFirst().orElseThrow();
            assertThat(transcript.author()).isEqualTo("Servicedesk-Bot");
            assertThat(transcript.text().lines().toList()).startsWith("Gesprächsverlauf der Meldung im Chat:",
                    "Sie: " + OUTAGE, "Bot: Ich ordne das so ein: Internetzugang – Störung. Passt das?",
                    "Sie: [Ja, passt]", "Bot: Wo haben Sie das Problem bemerkt?", "Sie: Lehrerzimmer");
            assertThat(transcript.text()).endsWith("Sie: [Ticket anlegen]");
            assertThat(transcript.isPublic()).isFalse();
        }

        @Test
        void aLongTitleIsCutAtAWordWithin80Characters() {
            String longText = "Der Beamer im Raum 2.14 zeigt seit heute morgen kein Bild mehr obwohl das Kabel richtig steckt";
            String title = TicketComposer.cut("Präsentationstechnik / Beamer, 2.14: " + longText, 80);
            assertThat(title).hasSizeLessThanOrEqualTo(80).endsWith("…").startsWith("Präsentationstechnik / Beamer");
            assertThat(title.substring(0, title.length() - 1)).doesNotEndWith(" ");
            assertThat(TicketComposer.cut("  Beamer\n kaputt", 80)).isEqualTo("Beamer");
        }
    }
}
