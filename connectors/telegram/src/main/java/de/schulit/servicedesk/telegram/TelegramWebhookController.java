package de.schulit.servicedesk.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Webhook mode: Telegram posts each update here with the secret of {@code setWebhook} in
 * {@code X-Telegram-Bot-Api-Secret-Token}. The secret is compared in constant time (there is no signature); the update
 * is stored durably and answered with 200 at once, the dialog runs afterwards on the processor thread. Telegram
 * redelivers an update until it gets a 2xx, and a redelivered update_id is stored only once.
 */
@RestController
@ConditionalOnBooleanProperty("servicedesk.telegram.enabled")
@ConditionalOnProperty(name = "servicedesk.telegram.mode", havingValue = "webhook")
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramUpdateStore store;
    private final TelegramUpdateProcessor processor;
    private final Clock clock;
    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper();

    TelegramWebhookController(TelegramProperties properties, TelegramUpdateStore store, TelegramUpdateProcessor processor,
                              Clock clock) {
        this.store = store;
        this.processor = processor;
        this.clock = clock;
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(TelegramProperties.WEBHOOK_PATH)
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String token,
                                 @RequestBody(required = false) String body) {
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Fehlendes oder falsches Webhook-Geheimnis");
        }
        long updateId = updateId(body);
        if (store.store(updateId, body, clock.instant())) {
            processor.nudge();
        }
        return ResponseEntity.ok().build();
    }

    private long updateId(String body) {
        try {
            JsonNode update = body == null ? null : json.readTree(body);
            if (update != null && update.isObject() && update.path("update_id").canConvertToLong()
                    && update.path("update_id").isIntegralNumber()) {
                return update.path("update_id").asLong();
            }
        } catch (Exception e) {
            // answered below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Kein Telegram-Update (update_id fehlt)");
    }
}
