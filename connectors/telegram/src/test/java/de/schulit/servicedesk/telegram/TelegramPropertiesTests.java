package de.schulit.servicedesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import de.schulit.servicedesk.telegram.TelegramProperties.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** With the channel enabled, every wrong value is refused with a message naming its key; disabled, nothing is checked. */
class TelegramPropertiesTests {

    static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    static final String SECRET = "a-good-webhook-secret_0123";
    static final String HOOK = "https://servicedesk.example.org/api/telegram/webhook";

    static TelegramProperties polling(String token, String baseUrl) {
        return new TelegramProperties(true, token, baseUrl, Mode.LONG_POLLING, null, null, DataSize.ofMegabytes(10),
                Duration.ofSeconds(50));
    }

    static TelegramProperties webhook(String url, String secret) {
        return new TelegramProperties(true, TOKEN, "https://api.telegram.org", Mode.WEBHOOK, url, secret,
                DataSize.ofMegabytes(10), Duration.ofSeconds(50));
    }

    @Test
    void goodValuesPass() {
        assertThatCode(() -> polling(TOKEN, "https://api.telegram.org")).doesNotThrowAnyException();
        assertThatCode(() -> polling(TOKEN, "http://127.0.0.1:8081/")).doesNotThrowAnyException();
        assertThatCode(() -> webhook(HOOK, SECRET)).doesNotThrowAnyException();
        assertThat(polling(TOKEN, "http://127.0.0.1:8081/").apiRoot()).isEqualTo("http://127.0.0.1:8081");
        // a value from the environment with blanks around it passes the (trimmed) check, so it must be used trimmed
        assertThat(polling(TOKEN, " http://127.0.0.1:8081/ ").apiRoot()).isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void disabledNothingIsChecked() {
        assertThatCode(() -> new TelegramProperties(false, null, "not a url", Mode.WEBHOOK, null, "x",
                DataSize.ofMegabytes(100), Duration.ofSeconds(-1))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "123456789:short", "abc:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
            "123456789:AAHdqTcvCH1vGWJx fSeofSAs0K5PALDsaw", " 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"})
    void aMissingOrMalformedTokenNamesTheKey(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> polling(token, "https://api.telegram.org"))
                .withMessageContaining("servicedesk.telegram.token")
                .withMessageNotContaining("AAHdqTcvCH1vGWJx"); // the token itself never ends up in a log
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.telegram.org/bot", "http://127.0.0.1:8081/telegram/", "api.telegram.org",
            "ftp://api.telegram.org", "https://api.telegram.org?x=1", "https://user:pw@api.telegram.org", "http://[::1"})
    void aBaseUrlWithAPathOrOtherwiseMalformedNamesTheKey(String baseUrl) {
        assertThatIllegalArgumentException().isThrownBy(() -> polling(TOKEN, baseUrl))
                .withMessageContaining("servicedesk.telegram.base-url");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/api/telegram/webhook", "servicedesk.example.org/api/telegram/webhook", "ftp://x.org/hook"})
    void webhookModeWithoutAUsableUrlNamesTheKey(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> webhook(url, SECRET))
                .withMessageContaining("servicedesk.telegram.webhook-url");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short-secret", "a secret with spaces in it", "umlaut-geheimnis-äöü-0123", "semi;colon;secret;0123"})
    void webhookModeWithoutAGoodSecretNamesTheKey(String secret) {
        assertThatIllegalArgumentException().isThrownBy(() -> webhook(HOOK, secret))
                .withMessageContaining("servicedesk.telegram.webhook-secret");
    }

    @Test
    void aSecretOf257CharactersIsTooLong() {
        assertThatCode(() -> webhook(HOOK, "s".repeat(256))).doesNotThrowAnyException();
        assertThatIllegalArgumentException().isThrownBy(() -> webhook(HOOK, "s".repeat(257)))
                .withMessageContaining("servicedesk.telegram.webhook-secret");
    }

    @Test
    void limitsOutsideTheirRangeNameTheirKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TelegramProperties(true, TOKEN, "https://api.telegram.org",
                        Mode.LONG_POLLING, null, null, DataSize.ofMegabytes(21), Duration.ofSeconds(50)))
                .withMessageContaining("servicedesk.telegram.max-attachment-size");
        assertThatIllegalArgumentException().isThrownBy(() -> new TelegramProperties(true, TOKEN, "https://api.telegram.org",
                        Mode.LONG_POLLING, null, null, DataSize.ofMegabytes(10), Duration.ofSeconds(-1)))
                .withMessageContaining("servicedesk.telegram.poll-timeout");
    }

    @Test
    void toStringHidesTokenAndSecret() {
        assertThat(webhook(HOOK, SECRET).toString()).doesNotContain(TOKEN).doesNotContain(SECRET).contains("***");
    }
}
