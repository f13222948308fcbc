package de.schulit.servicedesk.webchat;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Opens web chat sessions and resolves a session id to the chat address it stands for.
 * The session id is an unguessable bearer secret; only its SHA-256 hash is stored and used as the address.
 */
@Component
class WebChatSessions {

    static final String CHANNEL = "webchat";

    private static final int ID_BYTES = 32;
    /** 32 bytes in base64url without padding are exactly 43 characters. */
    private static final Pattern ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Polling runs every few seconds; recording every request would write to the database just as often. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final WebChatSessionRepository sessions;
    private final Clock clock;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    WebChatSessions(WebChatSessionRepository sessions, Clock clock, WebChatProperties properties) {
        this.sessions = sessions;
        this.clock = clock;
        this.timeout = properties.sessionTimeout();
    }

    /** Creates a session and returns its id; the caller hands it to the browser and forgets it. */
    String open() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.save(new WebChatSession(hash(sessionId), clock.instant()));
        return sessionId;
    }

    /** The chat address of a known session, or empty for an unknown, malformed or expired id. */
    Optional<ChannelAddress> resolve(String sessionId) {
        if (sessionId == null || !ID_FORMAT.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        String idHash = hash(sessionId);
        Instant now = clock.instant();
        return sessions.findById(idHash).filter(session -> session.lastSeenAt().plus(timeout).isAfter(now)).map(session -> {
            if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
                session.seenAt(now);
                sessions.save(session);
            }
            return address(idHash);
        });
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
