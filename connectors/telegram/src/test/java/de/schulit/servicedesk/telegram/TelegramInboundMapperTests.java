package de.schulit.servicedesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Inbound;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Recorded Bot API updates (Telegram's JSON) mapped to what they mean for the dialog. */
class TelegramInboundMapperTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant RECEIVED = Instant.parse("2026-11-26T15:02:00Z");
    static final ChannelAddress ANNA = new ChannelAddress("telegram", "4711001");

    final TelegramInboundMapper mapper = new TelegramInboundMapper();

    static Update update(String name) throws IOException {
        try (InputStream in = TelegramInboundMapperTests.class.getResourceAsStream("/updates/" + name + ".json")) {
            return JSON.readValue(in, Update.class);
        }
    }

    TelegramInput map(String name) throws IOException {
        return mapper.map(update(name), RECEIVED);
    }

    @Test
    void textBecomesTextFromThePrivateChat() throws IOException {
        var input = (TelegramInput.UserInput) map("text");
        Inbound inbound = input.inbound(null);
        assertThat(inbound.from()).isEqualTo(ANNA);
        assertThat(inbound.text()).isEqualTo("Der Beamer in Raum 204 geht nicht an");
        assertThat(inbound.optionId()).isNull();
        assertThat(inbound.at()).isEqualTo(Instant.ofEpochSecond(1764169320));
        assertThat(input.callback()).isNull();
    }

    @Test
    void aDeepLinkIsTheStartCommandWithTheCode() throws IOException {
        var input = (TelegramInput.UserInput) map("start-deep-link");
        assertThat(input.inbound(null).text()).isEqualTo("/start X68V5-M6ER9");
    }

    @Test
    void aPressedButtonIsItsOptionIdNeverText() throws IOException {
        var input = (TelegramInput.UserInput) map("callback");
        Inbound inbound = input.inbound(null);
        assertThat(inbound.optionId()).isEqualTo("choice:drucker");
        assertThat(inbound.text()).isNull();
        assertThat(inbound.from()).isEqualTo(ANNA);
        assertThat(input.callback()).isEqualTo(new TelegramInput.Callback("4382917453987234", 4711001L, 18));
    }

    @Test
    void aPhotoIsItsLargestSizeWithTheCaption() throws IOException {
        var input = (TelegramInput.UserInput) map("photo");
        assertThat(input.file().fileId()).isEqualTo("AgACAgIAAxkBAAMTZ-large");
        assertThat(input.file().mimeType()).isEqualTo("image/jpeg");
        assertThat(input.file().declaredSize()).isEqualTo(98312L);
        assertThat(input.file().fileName()).isEqualTo("foto-AQADlarge.jpg");
        assertThat(input.text()).isEqualTo("So sieht das Display aus");
    }

    @Test
    void aDocumentKeepsNameAndDeclaredType() throws IOException {
        var input = (TelegramInput.UserInput) map("document");
        assertThat(input.file()).isEqualTo(new TelegramInput.FileRef("BQACAgIAAxkBAAMUZ-doc", "Fehlerprotokoll.pdf",
                "application/pdf", 48211L));
        assertThat(input.text()).isNull();
    }

    @Test
    void groupsAreNotServed() throws IOException {
        var input = (TelegramInput.FromGroup) map("group");
        assertThat(input.chat()).isEqualTo(new ChannelAddress("telegram", "-1001234567890"));
    }

    @Test
    void stickersGetAHintAndEditsAreIgnored() throws IOException {
        assertThat(map("sticker")).isEqualTo(new TelegramInput.Unsupported(ANNA, null));
        assertThat(map("edited")).isInstanceOf(TelegramInput.Ignored.class);
    }
}
