package de.schulit.servicedesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.QueuedMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** Bot messages as the JSON the Bot API receives. */
class TelegramOutboundMapperTests {

    static final ObjectMapper JSON = new ObjectMapper();
    final TelegramOutboundMapper mapper = new TelegramOutboundMapper();

    static QueuedMessage queued(String text, Option... options) {
        return new QueuedMessage(7, new ChannelAddress("telegram", "4711001"), BotMessage.of(text, List.of(options)),
                Instant.parse("2026-11-26T15:02:00Z"));
    }

    static JsonNode json(SendMessage message) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(message));
    }

    @Test
    void optionsBecomeAnInlineKeyboardWithTheOptionIdsAsCallbackData() throws Exception {
        List<SendMessage> messages = mapper.toSendMessages(queued("Um welches Gerät geht es?",
                new Option("choice:drucker", "Drucker"), new Option("cancel", "Abbrechen")));
        assertThat(messages).hasSize(1);
        JsonNode json = json(messages.get(0));
        assertThat(json.path("chat_id").asText()).isEqualTo("4711001");
        assertThat(json.path("text").asText()).isEqualTo("Um welches Gerät geht es?");
        JsonNode keyboard = json.path("reply_markup").path("inline_keyboard");
        assertThat(keyboard).hasSize(2);
        assertThat(keyboard.get(0).get(0).path("text").asText()).isEqualTo("Drucker");
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isEqualTo("choice:drucker");
        assertThat(keyboard.get(1).get(0).path("callback_data").asText()).isEqualTo("cancel");
    }

    @Test
    void userTextGoesOutVerbatimWithoutAnyParseMode() throws Exception {
        String hostile = "<b>fett</b> *stern* _unter_ [link](http://evil.example) `code` &amp; </pre>";
        JsonNode json = json(mapper.toSendMessages(queued("Titel: " + hostile)).get(0));
        assertThat(json.has("parse_mode")).isFalse();
        assertThat(json.has("entities")).isFalse();
        assertThat(json.path("text").asText()).isEqualTo("Titel: " + hostile);
        assertThat(json.path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
        assertThat(json.has("reply_markup")).isFalse();
    }

    @Test
    void callbackDataStaysWithin64Bytes() throws Exception {
        String longest = "choice:" + "a".repeat(40); // catalog ids have at most 40 characters
        String tooLong = "x".repeat(65);
        JsonNode json = json(mapper.toSendMessages(queued("?", new Option(longest, "A"), new Option(tooLong, "B"))).get(0));
        JsonNode keyboard = json.path("reply_markup").path("inline_keyboard");
        assertThat(keyboard).hasSize(1);
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isEqualTo(longest);
    }

    @Test
    void longTextIsSplitAndTheKeyboardGoesWithTheLastPart() throws Exception {
        String text = ("Zeile mit etwas Text über das Problem.\n").repeat(250); // about 9,750 characters
        List<SendMessage> parts = mapper.toSendMessages(queued(text, new Option("yes", "Ja")));
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts).allSatisfy(p -> assertThat(p.getText().length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("", parts.stream().map(SendMessage::getText).toList())).isEqualTo(text);
        assertThat(parts.get(0).getReplyMarkup()).isNull();
        assertThat(parts.get(parts.size() - 1).getReplyMarkup()).isNotNull();
    }
}
