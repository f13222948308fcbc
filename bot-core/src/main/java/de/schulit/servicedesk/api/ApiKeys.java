package de.schulit.servicedesk.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accepted API keys. Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so neither the
 * length nor the content of a key leaks through timing.
 */
public final class ApiKeys {

    public enum Kind { AGENT, ADMIN }

    /** Shorter keys are guessable; the start fails rather than running with them. */
    public static final int MIN_LENGTH = 16;

    private final List<byte[]> agentDigests = new ArrayList<>();
    private final List<byte[]> adminDigests = new ArrayList<>();

    public ApiKeys(List<String> agentKeys, List<String> adminKeys) {
        check("servicedesk.api.agent-keys", agentKeys);
        check("servicedesk.api.admin-keys", adminKeys);
        agentKeys.forEach(k -> agentDigests.add(digest(k)));
        adminKeys.forEach(k -> adminDigests.add(digest(k)));
        for (String agentKey : agentKeys) {
            if (adminKeys.contains(agentKey)) {
                throw new IllegalStateException("servicedesk.api.agent-keys and servicedesk.api.admin-keys share a key;"
                        + " agent and admin keys must differ");
            }
        }
    }

    private static void check(String property, List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key == null || key.strip().length() < MIN_LENGTH) {
                throw new IllegalStateException(property + "[" + i + "] is shorter than " + MIN_LENGTH + " characters");
            }
        }
    }

    /** The kind of the given key, checking every configured key so the time taken does not depend on which matched. */
    public Optional<Kind> kindOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        boolean agent = false;
        boolean admin = false;
        for (byte[] known : agentDigests) {
            agent |= MessageDigest.isEqual(known, digest);
        }
        for (byte[] known : adminDigests) {
            admin |= MessageDigest.isEqual(known, digest);
        }
        return admin ? Optional.of(Kind.ADMIN) : agent ? Optional.of(Kind.AGENT) : Optional.empty();
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.strip().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
