package de.schulit.servicedesk.dialog;

import static de.schulit.servicedesk.catalog.RequestType.STOERUNG;
import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.privacy.PersonalData;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/** The data protection commands and the notice on first contact, against the in-memory ports. */
class PrivacyDialogTests {

    static final String PRINTER = "Der Drucker im Lehrerzimmer druckt nur noch leere Seiten";

    final DialogFixture f = new DialogFixture();

    Ticket fileTicket(DialogFixture.Chat chat) {
        f.classify(PRINTER, "drucken", STOERUNG);
        chat.says(PRINTER).presses("yes").says("Lehrerzimmer").presses("choice:drucker").presses("skip")
                .presses("impact:ONE_ROOM").presses("urgency:TODAY_OR_TOMORROW").presses("confirm");
        return f.stores.tickets.all().get(f.stores.tickets.all().size() - 1);
    }

    @Test
    void aNewChatHearsThePrivacyNoticeFirstAndOnlyOnce() {
        var chat = f.chat("new").says("Hallo");
        assertThat(chat.replies.get(0).text()).startsWith("Hinweis zum Datenschutz").contains("/datenschutz");
        assertThat(chat.text()).contains("/start");
        chat.says("Hallo?");
        assertThat(chat.text()).doesNotContain("Hinweis zum Datenschutz");

        String code = f.enrollment.issue("gs-park", Role.STAFF, 2, 7).code();
        var deepLink = f.chat("telegram-deep-link").says("/start " + code);
        assertThat(deepLink.replies.get(0).text()).startsWith("Hinweis zum Datenschutz");
        assertThat(deepLink.text()).contains("Wie heißen Sie?");
    }

    @Test
    void privacyCommandShowsTheNoticeInBothLanguages() {
        f.chat("stranger").says("/datenschutz").expect("Verantwortlich").expect("/meine-daten").expect("/daten-loeschen");
        var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
        anna.says("/sprache en");
        anna.says("/privacy").expect("controller").expect("/my-data").expect("/delete-data");
    }

    @Test
    void myDataExportsThePersonTheirChatsAndTheirOwnTicketsWithoutInternalNotes() {
        var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
        Ticket ticket = fileTicket(anna);
        f.desk.reply(ticket.number(), "Agent Kai", "Der Techniker kommt morgen.", false);
        f.desk.reply(ticket.number(), "Agent Kai", "Geheime interne Notiz", true);
        var bob = f.enrolled("bob", "Bob Berg", "gs-park", Role.COORDINATOR);
        f.classify("Beamer im Raum 12 flackert", "drucken", STOERUNG);

        anna.says("/meine-daten");
        assertThat(anna.text()).contains("Name: Anna Schmidt").contains("Schule: Grundschule am Park")
                .contains("Rolle: Mitarbeiter/in").contains("test (anna)")
                .contains("Ticket " + ticket.number()).contains(PRINTER).contains("Lehrerzimmer")
                .contains("Antwort des Servicedesks: Der Techniker kommt morgen.")
                .doesNotContain("Geheime interne Notiz").doesNotContain("Bob Berg");

        bob.says("/my_data");
        assertThat(bob.text()).contains("Name: Bob Berg").contains("Tickets: keine")
                .doesNotContain(ticket.number());
    }

    @Test
    void deleteDataAsksFirstAndKeepsEverythingOnNo() {
        var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
        anna.says("/daten-loeschen").expect("Soll ich Ihre Daten löschen?");
        assertThat(anna.optionIds()).containsExactly("erase", "keep");
        anna.presses("keep").expect("nichts gelöscht");
        anna.says("/daten-loeschen").says("abbrechen").expect("nichts gelöscht");
        anna.says("/daten-loeschen").says("vielleicht").expect("Soll ich Ihre Daten löschen?");
        assertThat(f.stores.people.findByAddress(anna.address)).isPresent();
    }

    @Test
    void deleteDataErasesIdentitiesAndPersonAndPseudonymisesTheTickets() {
        var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
        Ticket ticket = fileTicket(anna);
        var annasPhone = f.chat("anna-phone");
        f.stores.people.link(annasPhone.address, f.stores.people.findByAddress(anna.address).orElseThrow().id());

        anna.says("/delete-data").presses("erase").expect("Ihre Tickets sind pseudonymisiert");

        assertThat(f.stores.people.findByAddress(anna.address)).isEmpty();
        assertThat(f.stores.people.findByAddress(annasPhone.address)).isEmpty();
        assertThat(f.stores.conversations.load(anna.address)).isEmpty();
        Ticket kept = f.desk.find(ticket.number()).orElseThrow();
        assertThat(kept.description()).as("the composed description keeps the text").startsWith(PRINTER);
        assertThat(kept.requester().name()).isEqualTo(PersonalData.PSEUDONYM);
        assertThat(kept.requester().address()).isNull();
        assertThat(kept.history()).filteredOn(h -> h.type() == HistoryType.CREATED)
                .allSatisfy(h -> assertThat(h.author()).isEqualTo(PersonalData.PSEUDONYM));

        int queued = f.stores.outbox.after(anna.address, 0, 100).size();
        f.desk.changeStatus(ticket.number(), TicketStatus.IN_PROGRESS, "Wir kümmern uns", "Agent Kai");
        assertThat(f.stores.outbox.after(anna.address, 0, 100)).hasSize(queued);

        anna.says("Hallo").expect("Hinweis zum Datenschutz").expect("/start");
    }

    @Test
    void myDataListsTheTicketsThePersonJoinedWithTheirOwnEntriesAndRatingOnly() {
        var anna = f.enrolled("anna", "Anna Schmidt", "gs-park", Role.STAFF);
        Ticket ticket = fileTicket(anna);
        var carla = f.enrolled("carla", "Carla Colleague", "gs-park", Role.STAFF);
        var person = f.stores.people.findByAddress(carla.address).orElseThrow();
        f.desk.join(ticket, person, carla.address, "Im Raum 7 ebenso");
        f.desk.rate(f.desk.find(ticket.number()).orElseThrow(), person, 5);

        carla.says("/meine-daten").expect("Tickets, denen Sie sich angeschlossen haben")
                .expect("Ticket " + ticket.number()).expect("Ihr Nachtrag: Im Raum 7 ebenso")
                .expect("Ihre Bewertung (1–5): 5");
        assertThat(carla.text()).as("Anna's report and answers are Anna's data").doesNotContain("Meldung:")
                .doesNotContain("Angabe");

        carla.says("/daten-loeschen").presses("erase");
        assertThat(f.desk.subscribers(ticket.number())).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(PersonalData.PSEUDONYM);
            assertThat(s.address()).isNull();
        });
        int queued = f.stores.outbox.after(carla.address, 0, 100).size();
        f.desk.changeStatus(ticket.number(), TicketStatus.IN_PROGRESS, "Wir kümmern uns", "Agent Kai");
        assertThat(f.stores.outbox.after(carla.address, 0, 100)).as("nobody told at a null address").hasSize(queued);
        assertThat(f.stores.outbox.after(anna.address, 0, 100).get(f.stores.outbox.after(anna.address, 0, 100).size() - 1)
                .message().text()).contains("In Bearbeitung");
    }
}
