package de.schulit.servicedesk.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.Option;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Bot text as m.notice with escaped HTML and numbered options; typed numbers and labels back to option ids. */
class MatrixMapperTests {

    static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    final MatrixOutboundMapper outbound = new MatrixOutboundMapper(JsonMapper.builder().build());
    final MatrixInboundMapper inbound = new MatrixInboundMapper();
    final List<Option> choice = List.of(new Option("yes", "Ja, passt"), new Option("other-service", "Andere Kategorie"),
            new Option("cancel", "Abbrechen"));

    @Test
    void userTextIsEscapedInTheHtmlAndKeptAsItIsInTheBody() {
        String hostile = "Drucker <script>alert('x')</script> & \"Kopierer\"\nRaum <b>2</b>";
        ObjectNode content = outbound.notice(BotMessage.of(hostile));

        assertThat(content.path("msgtype").asString()).isEqualTo("m.notice");
        assertThat(content.path("format").asString()).isEqualTo("org.matrix.custom.html");
        assertThat(content.path("body").asString()).isEqualTo(hostile);
        assertThat(content.path("formatted_body").asString()).isEqualTo("Drucker &lt;script&gt;alert(&#39;x&#39;)"
                + "&lt;/script&gt; &amp; &quot;Kopierer&quot;<br>Raum &lt;b&gt;2&lt;/b&gt;");
    }

    @Test
    void optionsAreANumberedListWithEscapedLabels() {
        ObjectNode content = outbound.notice(BotMessage.of("Passt das?",
                List.of(new Option("yes", "Ja <passt>"), new Option("cancel", "Abbrechen"))));

        assertThat(content.path("body").asString()).isEqualTo("Passt das?\n\n1. Ja <passt>\n2. Abbrechen");
        assertThat(content.path("formatted_body").asString())
                .isEqualTo("Passt das?<ol><li>Ja &lt;passt&gt;</li><li>Abbrechen</li></ol>");
    }

    @Test
    void navigationNextToAFreeTextQuestionIsNotNumbered() {
        ObjectNode content = outbound.notice(BotMessage.of("Wie viele Geräte?",
                List.of(new Option("back", "Zurück"), new Option("cancel", "Abbrechen"))));

        assertThat(content.path("body").asString()).isEqualTo("Wie viele Geräte?\n\n[Zurück] [Abbrechen]");
    }

    @Test
    void aThreadPostPointsAtTheRootAndFallsBackToAReply() {
        ObjectNode content = outbound.inThread(outbound.notice("Text", "Text"), "$root");

        assertThat(content.path("m.relates_to").path("rel_type").asString()).isEqualTo("m.thread");
        assertThat(content.path("m.relates_to").path("event_id").asString()).isEqualTo("$root");
        assertThat(content.path("m.relates_to").path("m.in_reply_to").path("event_id").asString()).isEqualTo("$root");
    }

    @Test
    void anEditCarriesTheNewContentAndAFallbackForClientsWithoutEdits() {
        ObjectNode content = outbound.replacing(outbound.notice("Betroffene: 3", "<b>Betroffene: 3</b>"), "$root");

        assertThat(content.path("m.relates_to").path("rel_type").asString()).isEqualTo("m.replace");
        assertThat(content.path("m.relates_to").path("event_id").asString()).isEqualTo("$root");
        assertThat(content.path("m.new_content").path("body").asString()).isEqualTo("Betroffene: 3");
        assertThat(content.path("m.new_content").path("formatted_body").asString()).isEqualTo("<b>Betroffene: 3</b>");
        assertThat(content.path("m.new_content").has("m.relates_to")).isFalse();
        assertThat(content.path("body").asString()).isEqualTo("* Betroffene: 3");
        assertThat(content.path("msgtype").asString()).isEqualTo("m.notice");
    }

    @Test
    void aNumberOrALabelSelectsTheOfferedOption() {
        assertThat(inbound.typed("@a:x.de", "2", choice, AT).optionId()).isEqualTo("other-service");
        assertThat(inbound.typed("@a:x.de", " 1. ", choice, AT).optionId()).isEqualTo("yes");
        assertThat(inbound.typed("@a:x.de", "ja, PASST", choice, AT).optionId()).isEqualTo("yes");
        assertThat(inbound.typed("@a:x.de", "ja, PASST", choice, AT).from().id()).isEqualTo("@a:x.de");
    }

    @Test
    void anythingElseIsTextAndNumbersAreAnswersNextToAFreeTextQuestion() {
        Inbound outOfRange = inbound.typed("@a:x.de", "7", choice, AT);
        assertThat(outOfRange.optionId()).isNull();
        assertThat(outOfRange.text()).isEqualTo("7");

        List<Option> navigation = List.of(new Option("skip", "Überspringen"), new Option("cancel", "Abbrechen"));
        assertThat(inbound.typed("@a:x.de", "2", navigation, AT).text()).isEqualTo("2");
        assertThat(inbound.typed("@a:x.de", "Abbrechen", navigation, AT).optionId()).isEqualTo("cancel");
        assertThat(inbound.typed("@a:x.de", "1", List.of(), AT).text()).isEqualTo("1");
    }

    @Test
    void theQuoteOfAReplyIsNotPartOfTheAnswer() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode reply = json.createObjectNode().put("msgtype", "m.text")
                .put("body", "> <@servicedesk:x.de> Passt das?\n> 1. Ja\n\n1");
        reply.putObject("m.relates_to").putObject("m.in_reply_to").put("event_id", "$q");
        ObjectNode plain = json.createObjectNode().put("msgtype", "m.text").put("body", "> zitiert\n\nText");

        assertThat(MatrixInboundMapper.withoutReplyFallback(reply)).isEqualTo("1");
        assertThat(MatrixInboundMapper.withoutReplyFallback(plain)).isEqualTo("> zitiert\n\nText");
    }
}
