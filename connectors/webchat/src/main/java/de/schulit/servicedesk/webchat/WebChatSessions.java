package de.schulit.servicedesk.webchat;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens web chat sessions and resolves a session id to the chat address it stands for.
 * The session id is an unguessable bearer secret; only its SHA-256 hash is stored and used as the address.
 * Plain JDBC: every message and every poll of the web chat resolves its session, without a transaction.
 */
@Component
class WebChatSessions {

    static final String CHANNEL = "webchat";

    private static final int ID_BYTES = 32;
    /** 32 bytes in base64url without padding are exactly 43 characters. */
    private static final Pattern ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Polling runs every few seconds; recording every request would write to the database just as often. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private final TransactionOperations transactions;

    WebChatSessions(JdbcTemplate jdbc, Clock clock, WebChatProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.timeout = properties.sessionTimeout();
    }

    /**
     * Creates a session and returns its id; the caller hands it to the browser and forgets it. In a transaction, so
     * the session is durable before the browser learns of it.
     */
    String open() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = stored(clock.instant());
        transactions.executeWithoutResult(status -> jdbc.update(
                "insert into webchat_session (id_hash, created_at, last_seen_at) values (?, ?, ?)",
                hash(sessionId), now, now));
        return sessionId;
    }

    /** The chat address of a known session, or empty for an unknown, malformed or expired id. */
    Optional<ChannelAddress> resolve(String sessionId) {
        if (sessionId == null || !ID_FORMAT.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        String idHash = hash(sessionId);
        Instant now = clock.instant();
        Optional<Instant> lastSeen = jdbc.query("select last_seen_at from webchat_session where id_hash = ?",
                (row, n) -> row.getObject("last_seen_at", OffsetDateTime.class).toInstant(), idHash).stream().findFirst();
        return lastSeen.filter(seen -> seen.plus(timeout).isAfter(now)).map(seen -> {
            if (seen.plus(TOUCH_INTERVAL).isBefore(now)) {
                jdbc.update("update webchat_session set last_seen_at = ? where id_hash = ?", stored(now), idHash);
            }
            return address(idHash);
        });
    }

    /** As the database keeps it: microseconds, with the offset. */
    private static OffsetDateTime stored(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static ChannelAddress address(String idHash) {
        return new ChannelAddress(CHANNEL, idHash);
    }

    static String hash(String sessionId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(sessionId.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
