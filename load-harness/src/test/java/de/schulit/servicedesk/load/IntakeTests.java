package de.schulit.servicedesk.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeTests {

    /** A chat that answers each turn with the next scripted reply and records what was sent. */
    private static final class ScriptedChat implements Intake.Chat {
        private final List<String[]> replies;
        private final List<String> sent = new ArrayList<>();
        private String text = "";
        private List<String> options = List.of();

        /** Each reply: its text, then the ids of its options. */
        ScriptedChat(String[]... replies) {
            this.replies = new ArrayList<>(List.of(replies));
        }

        @Override
        public void send(String text, String optionId) {
            sent.add(text != null ? text : "[" + optionId + "]");
            String[] reply = replies.remove(0);
            this.text = reply[0];
            this.options = List.of(reply).subList(1, reply.length);
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public List<String> optionIds() {
            return options;
        }
    }

    @Test
    void aReportAnswersEveryStepTheWayThatFilesATicketAndAsksForItsStatus() throws Exception {
        ScriptedChat chat = new ScriptedChat(
                new String[] {"Geht es um Drucken & Kopieren?", "yes", "other-service"},
                new String[] {"Zu welchem Ihrer offenen Tickets gehört das?", "new", "SD-2026-00003"},
                new String[] {"In welchem Raum steht das Gerät?"},
                new String[] {"Welches Gerät?", "choice:drucker", "choice:kopierer"},
                new String[] {"Wie viele sind betroffen?", "impact:ONE_PERSON", "impact:ONE_ROOM"},
                new String[] {"Wie dringend?", "urgency:BLOCKED_NOW", "urgency:TODAY_OR_TOMORROW"},
                new String[] {"Ein Foto dazu?", "skip"},
                new String[] {"Stimmt das so?", "confirm", "back"},
                new String[] {"Eine Kollegin hat das schon gemeldet: SD-2026-00004. Dazu?", "join", "separate"},
                new String[] {"Danke, Ihr Ticket SD-2026-00007 ist angelegt."},
                new String[] {"SD-2026-00007: Neu"});

        String ticket = Intake.report(chat, 1);

        assertThat(ticket).isEqualTo("SD-2026-00007");
        assertThat(chat.sent).containsExactly(Intake.PROBLEMS.get(1), "[yes]", "[new]", "Raum 101",
                "[choice:drucker]", "[impact:ONE_ROOM]", "[urgency:TODAY_OR_TOMORROW]", "[skip]", "[confirm]",
                "[separate]", "Status SD-2026-00007");
    }

    @Test
    void aServiceNotGuessedIsChosenFromTheWholeCatalog() throws Exception {
        ScriptedChat chat = new ScriptedChat(
                new String[] {"Worum geht es?", "svc:wlan", "menu"},
                new String[] {"Alle Services:", "svc:drucken", "svc:wlan"},
                new String[] {"Störung oder Anfrage?", "type:stoerung", "type:anfrage"},
                new String[] {"Stimmt das so?", "confirm"},
                new String[] {"Ihr Ticket SD-2026-00010 ist angelegt."},
                new String[] {"SD-2026-00010: In Bearbeitung"});

        assertThat(Intake.report(chat, 0)).isEqualTo("SD-2026-00010");
        assertThat(chat.sent).containsSequence("[menu]", "[svc:drucken]", "[type:stoerung]", "[confirm]");
    }

    @Test
    void aStepTheScriptDoesNotKnowOrAMissingTicketNumberFailsTheRound() {
        ScriptedChat unknownStep = new ScriptedChat(new String[] {"Möchten Sie einen Termin?", "appointment"});
        assertThatThrownBy(() -> Intake.report(unknownStep, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unexpected step").hasMessageContaining("appointment");

        ScriptedChat noNumber = new ScriptedChat(new String[] {"Stimmt das so?", "confirm"},
                new String[] {"Das hat leider nicht geklappt."});
        assertThatThrownBy(() -> Intake.report(noNumber, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no ticket number");

        ScriptedChat wrongStatus = new ScriptedChat(new String[] {"Stimmt das so?", "confirm"},
                new String[] {"Ihr Ticket SD-2026-00011 ist angelegt."}, new String[] {"Kein Ticket gefunden."});
        assertThatThrownBy(() -> Intake.report(wrongStatus, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SD-2026-00011");
    }

    @Test
    void enrollmentSendsTheCodeAndALettersOnlyName() throws Exception {
        ScriptedChat chat = new ScriptedChat(new String[] {"Wie heißen Sie?"},
                new String[] {"Willkommen, Nutzer bj!"});

        Intake.enroll(chat, "CODE-1234", 29);

        assertThat(chat.sent).hasSize(2).first().isEqualTo("/start CODE-1234");
        assertThat(chat.sent.get(1)).matches("Nutzer [a-z]+");
    }
}
