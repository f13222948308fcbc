package de.schulit.servicedesk.dialog;

import static de.schulit.servicedesk.catalog.RequestType.ANFRAGE;
import static de.schulit.servicedesk.catalog.RequestType.STOERUNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketEvent;
import de.schulit.servicedesk.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DialogEngineTests {

    static final String PRINTER = "Der Drucker im Lehrerzimmer druckt nur noch leere Seiten";

    final DialogFixture f = new DialogFixture();

    /** Enrolled staff member who has reported the printer problem up to the first question. */
    DialogFixture.Chat atFirstQuestion() {
        f.classify(PRINTER, "drucken", STOERUNG);
        return f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF).says(PRINTER).presses("yes");
    }

    Ticket fileTicket(DialogFixture.Chat chat) {
        chat.says("Lehrerzimmer").presses("choice:drucker").presses("skip")
                .presses("impact:ONE_ROOM").presses("urgency:TODAY_OR_TOMORROW").presses("confirm");
        return f.stores.tickets.all().get(f.stores.tickets.all().size() - 1);
    }

    @Nested
    class Enrollment {

        @Test
        void unenrolledUserIsOnlyToldHowToEnroll() {
            var chat = f.chat("stranger").says(PRINTER);
            assertThat(chat.text()).contains("/start");
            assertThat(f.classified).isEmpty();
            chat.says("Status SD-2026-00001").expect("Einschreibecode");
            chat.says("/tickets").expect("Einschreibecode");
            assertThat(f.stores.tickets.all()).isEmpty();
        }

        @Test
        void validCodeAsksForTheNameAndLinksTheIdentity() {
            String code = f.enrollment.issue("gs-park", Role.STAFF, 2, 7).code();
            var chat = f.chat("new").says("/start " + code.toLowerCase().replace("-", " "));
            chat.expect("Grundschule am Park").expect("Wie heißen Sie?");
            assertThat(chat.step()).isEqualTo(Step.ENROLL_NAME);
            chat.says("12345").expect("nur Ihren Namen");
            chat.says("Anna   Schmidt").expect("Willkommen, Anna Schmidt").expect("Grundschule am Park");
            assertThat(f.stores.people.findByAddress(chat.address)).hasValueSatisfying(p -> {
                assertThat(p.schoolId()).isEqualTo("gs-park");
                assertThat(p.role()).isEqualTo(Role.STAFF);
            });
        }

        @Test
        void aProblemDescribedInsteadOfTheNameIsKeptAndHandledAfterEnrollment() {
            String code = f.enrollment.issue("gs-park", Role.STAFF, 2, 7).code();
            f.classify(PRINTER, "drucken", STOERUNG);
            var chat = f.chat("new").says("/start " + code).says(PRINTER);
            chat.expect("gemerkt").expect("Vor- und Nachnamen");
            assertThat(f.stores.people.findByAddress(chat.address)).isEmpty();
            chat.says("Guten Morgen").expect("Wie heißen Sie?");
            chat.says("Anna Schmidt").expect("Willkommen, Anna Schmidt").expect("Nachricht von eben")
                    .expect("Drucken & Kopieren – Störung. Passt das?");
            assertThat(chat.step()).isEqualTo(Step.CONFIRM_SERVICE);
            fileTicket(chat.presses("yes"));
            Ticket ticket = f.desk.find("SD-2026-00001").orElseThrow();
            assertThat(ticket.description()).startsWith(PRINTER + "\n");
            assertThat(ticket.requester().name()).isEqualTo("Anna Schmidt");
        }

        @Test
        void shortProblemsAndTextsWithDigitsAreNoNamesButATextSentTwiceIs() {
            String code = f.enrollment.issue("gs-park", Role.STAFF, 3, 7).code();
            f.chat("a").says("/start " + code).says("Beamer geht nicht").expect("gemerkt");
            f.chat("b").says("/start " + code).says("Beamer in 2.14 zeigt kein Bild").expect("gemerkt");
            f.classify("Paul Drucker", "drucken", STOERUNG);
            var drucker = f.chat("c").says("/start " + code).says("Paul Drucker").expect("gemerkt");
            drucker.says("Paul Drucker").expect("Willkommen, Paul Drucker").doesNotExpect("Nachricht von eben");
            assertThat(drucker.step()).isEqualTo(Step.IDLE);
        }

        @Test
        void theNameIsTakenFromAnIntroduction() {
            String code = f.enrollment.issue("gs-park", Role.STAFF, 3, 7).code();
            f.chat("a").says("/start " + code).says("Hallo, hier ist Anna Schmidt.")
                    .expect("Willkommen, Anna Schmidt!").doesNotExpect("Nachricht von eben");
            f.chat("b").says("/start " + code).says("Guten Morgen, Bert Brandt hier")
                    .expect("Willkommen, Bert Brandt!");
            f.chat("c").says("/start " + code).says("Hallo, Drucker kaputt").expect("gemerkt");
        }

        @Test
        void aMatrixUserWhoStartsWithTheProblemGetsItHandledAfterTheName() {
            f.stores.schools.save(new School("gs-park", "Grundschule am Park", "gs-park.example.de"));
            f.classify(PRINTER, "drucken", STOERUNG);
            var chat = f.chat(new ChannelAddress("matrix", "@anna:gs-park.example.de")).says(PRINTER);
            chat.expect("Wie heißen Sie?");
            chat.says("Anna Schmidt").expect("Willkommen, Anna Schmidt").expect("Drucken & Kopieren – Störung");
        }

        @Test
        void invalidExpiredAndUsedUpCodesAreRefused() {
            f.chat("a").says("/start NOPE-NOPE").expect("ungültig");
            String code = f.enrollment.issue("gs-park", Role.STAFF, 1, 1).code();
            f.chat("b").says("/start " + code).says("Bea Berg").expect("Willkommen");
            f.chat("c").says("/start " + code).expect("aufgebraucht");
            String expiring = f.enrollment.issue("gs-park", Role.STAFF, 5, 1).code();
            f.clock.advance(java.time.Duration.ofDays(2));
            f.chat("d").says("/start " + expiring).expect("abgelaufen");
        }

        @Test
        void aMatrixUserOfASchoolsHomeserverNeedsOnlyTheirName() {
            f.stores.schools.save(new School("gs-park", "Grundschule am Park", "gs-park.example.de"));
            var chat = f.chat(new ChannelAddress("matrix", "@anna:GS-Park.example.de")).says("Hallo");
            chat.expect("Grundschule am Park").expect("Wie heißen Sie?");
            chat.says("Anna Schmidt").expect("Willkommen, Anna Schmidt").expect("Grundschule am Park");
            assertThat(f.stores.people.findByAddress(chat.address)).hasValueSatisfying(p -> {
                assertThat(p.schoolId()).isEqualTo("gs-park");
                assertThat(p.role()).isEqualTo(Role.STAFF);
            });

            f.chat(new ChannelAddress("matrix", "@bob:fremd.example.de")).says("Hallo").expect("Einschreibecode");
            f.chat(new ChannelAddress("test", "@carl:gs-park.example.de")).says("Hallo").expect("Einschreibecode");
            String code = f.enrollment.issue("gym-mitte", Role.COORDINATOR, 1, 7).code();
            var withCode = f.chat(new ChannelAddress("matrix", "@dana:gs-park.example.de")).says("/start " + code);
            withCode.says("Dana Fuchs").expect("Gymnasium Mitte");
        }

        @Test
        void startWithoutCodeExplainsAndEnrolledUserIsToldSo() {
            f.chat("x").says("/start").expect("Einschreibecode");
            var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            anna.says("/start ABCDE-FGHJK").expect("bereits als Anna Schmidt");
        }
    }

    @Nested
    class Intake {

        @Test
        void classifiedReportBecomesATicketWithAnswersAndPriority() {
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            f.classify(PRINTER, "drucken", STOERUNG);
            chat.says(PRINTER).expect("Drucken & Kopieren – Störung. Passt das?");
            assertThat(chat.optionIds()).containsExactly("yes", "other-type", "other-service", "cancel");
            chat.presses("yes").expect("In welchem Raum");
            chat.says("Lehrerzimmer").expect("Um welches Gerät");
            assertThat(chat.optionIds()).containsExactly("choice:drucker", "choice:kopierer", "back", "cancel");
            chat.presses("choice:drucker").expect("Wie viele Seiten");
            assertThat(chat.optionIds()).contains("skip");
            chat.says("12").expect("Wer ist betroffen?");
            chat.presses("impact:ONE_ROOM").expect("Wie dringend");
            chat.presses("urgency:TODAY_OR_TOMORROW").expect("Bitte prüfen Sie").expect("Lehrerzimmer")
                    .expect("P3 mittel");
            chat.presses("confirm").expect("SD-2026-00001").expect("P3 mittel");
            assertThat(chat.text()).doesNotContain("Hotline");

            Ticket ticket = f.desk.find("SD-2026-00001").orElseThrow();
            assertThat(ticket.serviceId()).isEqualTo("drucken");
            assertThat(ticket.requestType()).isEqualTo(STOERUNG);
            assertThat(ticket.priority()).isEqualTo(Priority.P3);
            assertThat(ticket.schoolId()).isEqualTo("gs-park");
            assertThat(ticket.requester().name()).isEqualTo("Anna Schmidt");
            assertThat(ticket.title())
                    .isEqualTo("Drucken & Kopieren / Drucker, Lehrerzimmer: Der Drucker im Lehrerzimmer druckt…");
            assertThat(ticket.fields()).containsExactly(Map.entry("raum", "Lehrerzimmer"),
                    Map.entry("geraet", "Drucker"), Map.entry("seiten", "12"), Map.entry("impact", "ONE_ROOM"),
                    Map.entry("urgency", "TODAY_OR_TOMORROW"));
            assertThat(chat.step()).isEqualTo(Step.IDLE);
        }

        @Test
        void unclassifiableTextOffersTheWholeCatalogAndThenTheRequestType() {
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            chat.says("Irgendwas geht nicht").expect("passende Kategorie");
            assertThat(chat.optionIds()).containsExactly("svc:drucken", "svc:sicherheit", "svc:beschaffung", "cancel");
            chat.presses("svc:drucken").expect("Was trifft auf Ihr Anliegen zu");
            chat.presses("type:anfrage").expect("In welchem Raum");
            chat.says("A104").presses("choice:kopierer").expect("Bitte prüfen Sie").expect("P3 mittel");
            assertThat(chat.text()).doesNotContain("Wie viele Seiten");
            chat.presses("confirm");
            Ticket ticket = f.stores.tickets.all().get(0);
            assertThat(ticket.requestType()).isEqualTo(ANFRAGE);
            assertThat(ticket.fields()).containsOnlyKeys("raum", "geraet");
        }

        @Test
        void uncertainClassificationOffersTheCandidatesAndAnotherCategory() {
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            f.classifications.put("Kopierer?", new Classification(null, null, 0.4, List.of(
                    new Classification.Candidate("drucken", 0.4), new Classification.Candidate("beschaffung", 0.3)),
                    false, "de"));
            chat.says("Kopierer?").expect("Worum geht es genau?");
            assertThat(chat.optionIds()).containsExactly("svc:drucken", "svc:beschaffung", "menu", "cancel");
            chat.presses("menu");
            assertThat(chat.optionIds()).contains("svc:sicherheit", "back");
            chat.presses("svc:beschaffung").expect("Bitte prüfen Sie").expect("Bedarfsmeldung").expect("P4 niedrig");
        }

        @Test
        void noItMatterIsNotFiledIntoAServiceButTheMenuStaysOpen() {
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            f.classifications.put("Die Heizung ist kalt", new Classification(null, null, 0.9, List.of(), true, "de"));
            chat.says("Die Heizung ist kalt").expect("nicht nach einem IT-Thema");
            assertThat(chat.optionIds()).contains("svc:drucken", "cancel");
            assertThat(f.stores.tickets.all()).isEmpty();
        }

        @Test
        void otherTypeAndOtherCategoryCanOverrideTheClassifier() {
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            f.classify(PRINTER, "drucken", STOERUNG);
            chat.says(PRINTER).presses("other-type").expect("Was trifft");
            chat.presses("type:bedarf").says("Sekretariat").presses("choice:drucker").expect("P4 niedrig");
            chat.presses("back").presses("back").expect("In welchem Raum");
            chat.presses("back").expect("Was trifft");
            chat.presses("back").expect("Drucken & Kopieren – Störung");
            chat.presses("other-service").expect("passende Kategorie");
        }

        @Test
        void typingInsteadOfChoosingACategoryDescribesTheRequestAnew() {
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            f.classify(PRINTER, "drucken", STOERUNG);
            f.classify("Nein, jemand hat meinen Laptop gestohlen", "sicherheit", STOERUNG);
            chat.says(PRINTER).says("Nein, jemand hat meinen Laptop gestohlen").expect("IT-Sicherheitsvorfall");
            assertThat(f.stores.conversations.load(chat.address).orElseThrow().draft().description())
                    .isEqualTo("Nein, jemand hat meinen Laptop gestohlen");
        }

        @Test
        void backReturnsStepByStepAndForgetsTheAnswer() {
            var chat = atFirstQuestion();
            chat.says("Lehrerzimmer").expect("Um welches Gerät");
            chat.says("zurück").expect("In welchem Raum");
            chat.says("Raum 2.14").presses("choice:kopierer").presses("skip").expect("Wer ist betroffen");
            chat.presses("back").expect("Wie viele Seiten");
            chat.presses("back").expect("Um welches Gerät");
            chat.presses("back").expect("In welchem Raum");
            chat.presses("back").expect("Passt das?");
            chat.says("back").expect("schon am Anfang");
        }

        @Test
        void cancelWorksAtEveryStepAndDiscardsTheDraft() {
            for (String step : List.of("confirm", "question", "impact", "summary")) {
                DialogFixture fixture = new DialogFixture();
                fixture.classify(PRINTER, "drucken", STOERUNG);
                var chat = fixture.enrolled("u-" + step, "Carl Clausen", "gs-park", Role.STAFF).says(PRINTER);
                if (!step.equals("confirm")) {
                    chat.presses("yes");
                }
                if (step.equals("impact") || step.equals("summary")) {
                    chat.says("2.14").presses("choice:drucker").presses("skip");
                }
                if (step.equals("summary")) {
                    chat.presses("impact:ONLY_ME").presses("urgency:NOT_URGENT");
                }
                chat.says(step.equals("summary") ? "/abbrechen" : "Abbrechen").expect("verworfen");
                assertThat(chat.step()).isEqualTo(Step.IDLE);
                assertThat(fixture.stores.tickets.all()).isEmpty();
                assertThat(fixture.stores.conversations.load(chat.address).orElseThrow().draft()).isNull();
            }
            f.enrolled("idle", "Ida Idle", "gs-park", Role.STAFF).says("/abbrechen").expect("nichts abzubrechen");
        }

        @Test
        void invalidAnswersAreExplainedAndAskedAgain() {
            var chat = atFirstQuestion();
            chat.says("Das ist ein viel zu langer Raumname für dieses Feld").expect("zu lang").expect("z. B. 2.14")
                    .expect("In welchem Raum");
            chat.says("2.14").says("Fax").expect("eine der angebotenen Möglichkeiten").expect("Um welches Gerät");
            chat.says("2").expect("Wie viele Seiten");
            chat.says("viele").expect("mit einer Zahl");
            chat.says("0").expect("zwischen 1 und 500");
            chat.says("überspringen").expect("Wer ist betroffen");
            chat.says("3").expect("Wie dringend");
            assertThat(f.stores.conversations.load(chat.address).orElseThrow().draft().answers())
                    .containsExactly(Map.entry("raum", "2.14"), Map.entry("geraet", "Kopierer"));
        }

        @Test
        void aStaleOrForgedOptionChangesNothing() {
            var chat = atFirstQuestion();
            chat.presses("confirm").expect("nicht mehr aktuell").expect("In welchem Raum");
            chat.presses("svc:sicherheit").expect("nicht mehr aktuell");
            assertThat(chat.step()).isEqualTo(Step.QUESTION);
            assertThat(f.stores.tickets.all()).isEmpty();
        }

        @Test
        void securityIncidentIsAlwaysP1WithHotlineDuringBusinessHours() {
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            f.classify("Ich habe auf einen Link geklickt", "sicherheit", STOERUNG);
            chat.says("Ich habe auf einen Link geklickt").presses("yes").says("Passwort eingegeben");
            assertThat(chat.text()).doesNotContain("Wer ist betroffen").contains("P1 kritisch");
            chat.presses("confirm").expect("P1 kritisch").expect("Hotline an: 0331 289-3111").expect("vom Netz");
        }

        @Test
        void securityIncidentsOfTheSameSchoolAreNeverOfferedForJoining() {
            f.classify("Ich habe auf einen Link geklickt", "sicherheit", STOERUNG);
            f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF).says("Ich habe auf einen Link geklickt")
                    .presses("yes").says("Passwort eingegeben").presses("confirm").expect("P1 kritisch");
            var bert = f.enrolled("bert", "Bert Brandt", "gs-park", Role.STAFF);
            bert.says("Ich habe auf einen Link geklickt").presses("yes").expect("Was ist passiert?");
            assertThat(bert.optionIds()).doesNotContain("join");
        }

        @Test
        void p1OutsideBusinessHoursSaysWhenTheHotlineIsStaffedAgain() {
            f.clock.set(Instant.parse("2026-11-27T16:30:00Z")); // Friday 17:30 in Berlin
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            f.classify("Internet in der ganzen Schule weg", "drucken", STOERUNG);
            chat.says("Internet in der ganzen Schule weg").presses("yes").says("Keller").presses("choice:drucker")
                    .presses("skip").presses("impact:WHOLE_SCHOOL").presses("urgency:BLOCKED_NOW").presses("confirm");
            chat.expect("P1 kritisch").expect("gerade nicht besetzt").expect("30.11.2026, 07:00 Uhr");
        }

        @Test
        void p1OnAHolidayPointsToTheNextWorkingDay() {
            f.clock.set(Instant.parse("2026-12-24T09:00:00Z")); // Thursday, but a configured holiday
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            f.classify("Virus!", "sicherheit", STOERUNG);
            chat.says("Virus!").presses("yes").says("Laptop").presses("confirm");
            chat.expect("gerade nicht besetzt").expect("25.12.2026, 07:00 Uhr");
        }

        @Test
        void restartCommandDiscardsTheDraftAndAsksForANewDescription() {
            var chat = atFirstQuestion();
            chat.says("/neu").expect("neues Anliegen");
            assertThat(chat.step()).isEqualTo(Step.IDLE);
        }
    }

    @Nested
    class Status {

        @Test
        void ownerSeesStatusByFullNumberShortNumberAndNaturalQuestion() {
            var anna = atFirstQuestion();
            Ticket ticket = fileTicket(anna);
            anna.says("Status " + ticket.number()).expect(ticket.number()).expect("Neu").expect("noch nicht geantwortet");
            anna.says("Wie ist der Stand von 1?").expect(ticket.number());
            anna.says("/status 1").expect(ticket.number());
            anna.says("meine Tickets").expect("Ihre Tickets").expect(ticket.number());
            anna.says("/tickets").expect(ticket.number());

            f.desk.reply(ticket.number(), "Jan vom Servicedesk", "Techniker kommt um 11 Uhr", false);
            f.desk.changeStatus(ticket.number(), TicketStatus.IN_PROGRESS, "", "Jan");
            anna.says("/status " + ticket.number()).expect("In Bearbeitung").expect("Techniker kommt um 11 Uhr");
        }

        @Test
        void nobodyElseSeesATicketExceptTheSchoolsCoordinator() {
            Ticket ticket = fileTicket(atFirstQuestion());
            var colleague = f.enrolled("bert", "Bert Brandt", "gs-park", Role.STAFF);
            colleague.says("Status " + ticket.number()).expect("nicht gefunden");
            colleague.says("/tickets").expect("noch keine Tickets");
            var other = f.enrolled("olga", "Olga Ost", "gym-mitte", Role.COORDINATOR);
            other.says("Status " + ticket.number()).expect("nicht gefunden");
            other.says("Nachtrag zu " + ticket.number() + ": Hallo").expect("nicht gefunden");
            var coordinator = f.enrolled("cora", "Cora Koordinatorin", "gs-park", Role.COORDINATOR);
            coordinator.says("Status " + ticket.number()).expect("Neu");
            coordinator.says("/tickets").expect("Tickets Ihrer Schule").expect(ticket.number());
            assertThat(f.desk.find(ticket.number()).orElseThrow().history()).extracting(h -> h.type())
                    .containsExactly(HistoryType.CREATED, HistoryType.INTERNAL_NOTE);
        }

        @Test
        void statusQuestionsInTheMiddleOfAnIntakeResumeTheDialog() {
            var chat = atFirstQuestion();
            chat.says("/status SD-2026-00099").expect("nicht gefunden").expect("In welchem Raum");
            chat.says("/hilfe").expect("So helfe ich Ihnen").expect("In welchem Raum");
            assertThat(chat.step()).isEqualTo(Step.QUESTION);
        }
    }

    @Nested
    class FollowUps {

        @Test
        void explicitFollowUpIsAddedToTheHistory() {
            var anna = atFirstQuestion();
            Ticket ticket = fileTicket(anna);
            anna.says("Nachtrag zu " + ticket.number() + ": Es betrifft auch Raum 3.01").expect("Nachtrag ist bei Ticket");
            assertThat(f.desk.find(ticket.number()).orElseThrow().history())
                    .anySatisfy(h -> {
                        assertThat(h.type()).isEqualTo(HistoryType.REQUESTER_MESSAGE);
                        assertThat(h.text()).isEqualTo("Es betrifft auch Raum 3.01");
                        assertThat(h.author()).isEqualTo("Anna Schmidt");
                    });
            anna.says("Nachtrag zu " + ticket.number()).expect("direkt dahinter");
        }

        @Test
        void statusChangesAndRepliesReachTheRequesterAndAPlainAnswerCanBecomeAFollowUp() {
            var anna = atFirstQuestion();
            Ticket ticket = fileTicket(anna);
            f.desk.changeStatus(ticket.number(), TicketStatus.WAITING, "Welches Modell ist es?", "Jan");
            var notes = f.stores.outbox.after(anna.address, 0, 10);
            assertThat(notes).hasSize(1);
            assertThat(notes.get(0).message().text()).contains(ticket.number()).contains("Wartet auf Rückmeldung")
                    .contains("Welches Modell ist es?");

            anna.says("Es ist ein HP LaserJet").expect("Gehört Ihre Nachricht zu Ticket " + ticket.number());
            anna.says("ja").expect("Nachtrag ist bei Ticket");
            assertThat(f.desk.find(ticket.number()).orElseThrow().history())
                    .extracting(h -> h.text()).contains("Es ist ein HP LaserJet");

            f.desk.reply(ticket.number(), "Jan", "Danke, Toner ist unterwegs", false);
            f.desk.reply(ticket.number(), "Jan", "intern: Lager prüfen", true);
            var all = f.stores.outbox.after(anna.address, 0, 10);
            assertThat(all).hasSize(2);
            assertThat(all.get(1).message().text()).contains("Danke, Toner ist unterwegs");

            anna.says("Neuer Beamer kaputt").presses("new");
            assertThat(f.classified).contains("Neuer Beamer kaputt");
        }
    }

    @Nested
    class AgentActions {

        @Test
        void assignmentAndPriorityChangesAreRecordedAndTold() {
            Ticket ticket = fileTicket(atFirstQuestion());
            List<TicketEvent> events = new ArrayList<>();
            f.desk.addListener(events::add);

            Ticket assigned = f.desk.assign(ticket.number(), "@max:stadt.de", "@jana:stadt.de");
            Ticket raised = f.desk.changePriority(ticket.number(), Priority.P1, "@jana:stadt.de");

            assertThat(assigned.assignee()).contains("@max:stadt.de");
            assertThat(raised.priority()).isEqualTo(Priority.P1);
            assertThat(raised.history()).extracting(h -> h.type()).endsWith(HistoryType.ASSIGNMENT, HistoryType.PRIORITY_CHANGE);
            assertThat(events).hasSize(2);
            assertThat(events.get(1)).isInstanceOfSatisfying(TicketEvent.PriorityChanged.class,
                    e -> assertThat(e.from()).isEqualTo(Priority.P3));
            assertThat(raised.history().get(raised.history().size() - 2).isPublic()).isFalse();
            assertThatThrownBy(() -> f.desk.changePriority(ticket.number(), Priority.P1, "x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Input {

        @Test
        void tooLongEmptyAndInvisibleInputGetsAFriendlyAnswer() {
            var chat = atFirstQuestion();
            chat.says("x".repeat(4001)).expect("zu lang").expect("In welchem Raum");
            chat.says("   ").expect("leer");
            chat.says("\u200B\u202E").expect("leer");
            chat.says("2.14\u200B").expect("Um welches Gerät");
            assertThat(f.stores.conversations.load(chat.address).orElseThrow().draft().answers()).containsEntry("raum", "2.14");
        }

        @Test
        void unknownCommandsAreNamed() {
            f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF).says("/foo bar").expect("/foo").expect("/hilfe");
        }

        @Test
        void markupAndSqlLikeTextIsStoredVerbatimAsData() {
            var chat = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
            String hostile = "<script>alert(1)</script>'; DROP TABLE ticket; --";
            chat.says(hostile).presses("svc:beschaffung").presses("confirm");
            assertThat(f.stores.tickets.all().get(0).description()).startsWith(hostile + "\n");
        }

        @Test
        void englishCanBeChosenAndEveryTextFollows() {
            var chat = atFirstQuestion();
            chat.says("/sprache en").expect("in English").expect("In which room");
            chat.says("2.14").expect("Which device");
            assertThat(chat.replies.get(0).options()).extracting(o -> o.label()).contains("Printer", "Back", "Cancel");
            chat.says("/sprache fr").expect("/sprache de");
        }
    }

}
