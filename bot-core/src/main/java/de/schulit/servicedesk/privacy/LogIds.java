package de.schulit.servicedesk.privacy;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stand-ins for identifiers in log lines (chat ids, Telegram user ids, session hashes): an HMAC with a key drawn at
 * process start, so lines of one run can be correlated but nobody can get from a log back to a chat, not even by
 * trying all ten-digit Telegram ids. Logs name tickets by number (MDC key {@code ticket}) instead.
 */
public final class LogIds {

    private static final byte[] KEY = randomKey();

    private LogIds() {
    }

    /** Ten hex digits standing for the identifier; "-" for null. */
    public static String hash(Object identifier) {
        if (identifier == null) {
            return "-";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(String.valueOf(identifier).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The channel in clear, the chat id hashed: {@code telegram:3fa2c91b0d}. */
    public static String of(ChannelAddress address) {
        return address == null ? "-" : address.channel() + ":" + hash(address.id());
    }
}
