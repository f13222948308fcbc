package de.schulit.servicedesk.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTests {

    final Messages messages = new Messages();

    @Test
    void everyTextExistsInGermanAndEnglish() {
        Set<String> german = new TreeSet<>(Collections.list(messages.bundle("de").getKeys()));
        Set<String> english = new TreeSet<>(Collections.list(messages.bundle("en").getKeys()));
        assertThat(english).isEqualTo(german);
        for (String key : german) {
            assertThat(messages.bundle("de").getString(key)).as(key).isNotBlank();
            assertThat(messages.bundle("en").getString(key)).as(key).isNotBlank();
        }
    }

    /** A key written twice silently loses its first text. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String file : List.of("/messages/bot.properties", "/messages/bot_en.properties")) {
            List<String> keys = new ArrayList<>();
            try (var in = MessagesTests.class.getResourceAsStream(file)) {
                new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        keys.add((String) key);
                        return super.put(key, value);
                    }
                }.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() {
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        for (String key : Collections.list(messages.bundle("de").getKeys())) {
            assertThat(placeholders(placeholder, messages.bundle("en").getString(key))).as(key)
                    .isEqualTo(placeholders(placeholder, messages.bundle("de").getString(key)));
        }
    }

    private static Set<String> placeholders(Pattern placeholder, String text) {
        Set<String> found = new TreeSet<>();
        placeholder.matcher(text).results().forEach(m -> found.add(m.group()));
        return found;
    }

    @Test
    void placeholdersAreReplacedLiterallyAndGermanIsTheDefault() {
        assertThat(messages.text("de", "status.notFound", "SD-1")).contains("„SD-1“").contains("nicht gefunden");
        assertThat(messages.text("fr", "option.cancel")).isEqualTo("Abbrechen");
        assertThat(messages.text("en", "option.cancel")).isEqualTo("Cancel");
        assertThat(messages.text("de", "validation.hint", "{1} $1 \\")).isEqualTo("Beispiel: {1} $1 \\");
    }
}
