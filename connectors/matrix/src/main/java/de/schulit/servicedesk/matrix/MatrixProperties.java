package de.schulit.servicedesk.matrix;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code servicedesk.matrix.*}: the SPEC.md keys plus optional ones with defaults, so the SPEC keys alone suffice.
 * Checked only when the channel is enabled; a wrong value stops the start with a message that names the key.
 *
 * @param enabled            switches the channel on
 * @param homeserverUrl      the homeserver's client API base, e.g. {@code https://matrix.stadt.example.de}
 * @param userId             the bot account, e.g. {@code @servicedesk:stadt.example.de}
 * @param accessToken        the bot account's access token ({@code SERVICEDESK_MATRIX_ACCESS_TOKEN})
 * @param password           instead of an access token: the bot account's password, used for one login at start
 * @param deviceId           the device a password login uses (transaction ids are scoped per device)
 * @param agentRoomId        the agents' room ({@code !abc:server}); empty: no bridge, the channel serves requesters only
 * @param allowedHomeservers invites are accepted from users of these servers only; empty: the bot's own server and
 *                           every {@code matrix-domain} of schools.yml
 * @param agents             user ids that may act in the agents' room whatever their power level
 * @param agentPowerLevel    the power level in the agents' room from which a member may act
 * @param maxAttachmentSize  largest image or PDF accepted from requesters
 * @param syncTimeout        how long one /sync long-polls
 */
@ConfigurationProperties("servicedesk.matrix")
public record MatrixProperties(
        @DefaultValue("false") boolean enabled,
        String homeserverUrl,
        String userId,
        String accessToken,
        String password,
        @DefaultValue("SERVICEDESKBOT") String deviceId,
        String agentRoomId,
        @DefaultValue List<String> allowedHomeservers,
        @DefaultValue List<String> agents,
        @DefaultValue("50") int agentPowerLevel,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("30s") Duration syncTimeout) {

    static final Pattern USER_ID = Pattern.compile("@[^:\\s]{1,255}:[A-Za-z0-9.\\-]+(:[0-9]{1,5})?");
    private static final Pattern ROOM_ID = Pattern.compile("![^:\\s]{1,255}:[A-Za-z0-9.\\-]+(:[0-9]{1,5})?");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{8,1024}");

    public MatrixProperties {
        allowedHomeservers = allowedHomeservers == null ? List.of()
                : allowedHomeservers.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        agents = agents == null ? List.of() : agents.stream().map(String::strip).toList();
        agentRoomId = agentRoomId == null || agentRoomId.isBlank() ? null : agentRoomId.strip();
        if (enabled) {
            checkHomeserverUrl(homeserverUrl);
            if (userId == null || !USER_ID.matcher(userId.strip()).matches()) {
                throw new IllegalArgumentException("servicedesk.matrix.user-id must be the bot's full Matrix user id "
                        + "such as @servicedesk:stadt.example.de; was '" + userId + "'");
            }
            boolean hasToken = accessToken != null && !accessToken.isBlank();
            if (hasToken && !TOKEN.matcher(accessToken.strip()).matches()) {
                throw new IllegalArgumentException("servicedesk.matrix.access-token must be the bot account's access "
                        + "token (8-1024 printable characters, no spaces); set it or SERVICEDESK_MATRIX_ACCESS_TOKEN");
            }
            if (!hasToken && (password == null || password.isEmpty())) {
                throw new IllegalArgumentException("servicedesk.matrix.access-token must be set (or "
                        + "servicedesk.matrix.password for a login at start); SERVICEDESK_MATRIX_ACCESS_TOKEN works too");
            }
            if (deviceId == null || !deviceId.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("servicedesk.matrix.device-id must be 1-64 characters of A-Z, a-z, "
                        + "0-9, '_' and '-'");
            }
            if (agentRoomId != null && !ROOM_ID.matcher(agentRoomId).matches()) {
                throw new IllegalArgumentException("servicedesk.matrix.agent-room-id must be a room id such as "
                        + "!AbCdEf:stadt.example.de (Element: room settings, Advanced); was '" + agentRoomId + "'");
            }
            for (String server : allowedHomeservers) {
                if (!DOMAIN.matcher(server).matches()) {
                    throw new IllegalArgumentException("servicedesk.matrix.allowed-homeservers must list server names "
                            + "such as schule-a.de; '" + server + "' is none");
                }
            }
            for (String agent : agents) {
                if (!USER_ID.matcher(agent).matches()) {
                    throw new IllegalArgumentException("servicedesk.matrix.agents must list Matrix user ids such as "
                            + "@jana:stadt.example.de; '" + agent + "' is none");
                }
            }
            if (agentPowerLevel < 0 || agentPowerLevel > 100) {
                throw new IllegalArgumentException("servicedesk.matrix.agent-power-level must be between 0 and 100");
            }
            if (maxAttachmentSize.toBytes() < 1 || maxAttachmentSize.toBytes() > DataSize.ofMegabytes(50).toBytes()) {
                throw new IllegalArgumentException("servicedesk.matrix.max-attachment-size must be between 1B and 50MB");
            }
            if (syncTimeout.isNegative() || syncTimeout.toSeconds() > 300) {
                throw new IllegalArgumentException("servicedesk.matrix.sync-timeout must be between 0s and 300s");
            }
        }
    }

    /** The bot's user id as validated. */
    String botUserId() {
        return userId.strip();
    }

    /** The server part of the bot's user id. */
    String botServer() {
        return serverOf(botUserId());
    }

    /** The homeserver URL without a trailing slash. */
    String apiRoot() {
        String url = homeserverUrl.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    boolean hasAgentRoom() {
        return agentRoomId != null;
    }

    /** The server name of a user id ({@code @name:server}), lower case. */
    static String serverOf(String userId) {
        int colon = userId.indexOf(':');
        return colon < 0 ? "" : userId.substring(colon + 1).toLowerCase(Locale.ROOT);
    }

    private static void checkHomeserverUrl(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "servicedesk.matrix.homeserver-url must be set, e.g. https://matrix.stadt.example.de");
        }
        try {
            URI uri = new URI(value.strip());
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!uri.isAbsolute() || uri.getHost() == null || !http || uri.getRawQuery() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("servicedesk.matrix.homeserver-url must be an http(s) URL such as "
                        + "https://matrix.stadt.example.de; was '" + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("servicedesk.matrix.homeserver-url is no valid URL: '" + value + "'", e);
        }
    }

    @Override
    public String toString() {
        return "MatrixProperties[enabled=" + enabled + ", homeserverUrl=" + homeserverUrl + ", userId=" + userId
                + ", agentRoomId=" + agentRoomId + ", accessToken=" + (accessToken == null ? "null" : "***")
                + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
