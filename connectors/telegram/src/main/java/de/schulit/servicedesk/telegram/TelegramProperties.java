package de.schulit.servicedesk.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code servicedesk.telegram.*} (SPEC.md) plus two limits with defaults. Checked only when the channel is enabled;
 * a wrong value stops the start with a message that names the key. The token and the webhook secret usually come
 * from the environment ({@code SERVICEDESK_TELEGRAM_TOKEN}, {@code SERVICEDESK_TELEGRAM_WEBHOOK_SECRET}).
 *
 * @param enabled            switches the channel on
 * @param token              the bot token from BotFather ({@code 123456:ABC-...})
 * @param baseUrl            the Bot API server: {@code https://api.telegram.org} or a local Bot API server;
 *                           scheme, host and port only (the library cannot add a path)
 * @param mode               {@code long-polling} (default) or {@code webhook}
 * @param webhookUrl         webhook mode: the public URL Telegram posts to (ends in {@code /api/telegram/webhook})
 * @param webhookSecret      webhook mode: 16-256 characters {@code A-Za-z0-9_-}, echoed by Telegram in a header
 * @param maxAttachmentSize  largest photo or document accepted (Telegram lets bots download up to 20 MB)
 * @param pollTimeout        long polling: how long one getUpdates waits for news
 */
@ConfigurationProperties("servicedesk.telegram")
public record TelegramProperties(
        @DefaultValue("false") boolean enabled,
        String token,
        @DefaultValue("https://api.telegram.org") String baseUrl,
        @DefaultValue("long-polling") Mode mode,
        String webhookUrl,
        String webhookSecret,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("50s") Duration pollTimeout) {

    /** The path the webhook endpoint is served at; {@code webhook-url} must point to it. */
    public static final String WEBHOOK_PATH = "/api/telegram/webhook";

    private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,200}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private static final long TELEGRAM_DOWNLOAD_LIMIT = DataSize.ofMegabytes(20).toBytes();

    public enum Mode { LONG_POLLING, WEBHOOK }

    public TelegramProperties {
        if (enabled) {
            if (token == null || !TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException("servicedesk.telegram.token must be the bot token from BotFather "
                        + "(digits, a colon, then letters, digits, '_' or '-'); set it or SERVICEDESK_TELEGRAM_TOKEN");
            }
            checkBaseUrl(baseUrl);
            if (mode == Mode.WEBHOOK) {
                checkWebhookUrl(webhookUrl);
                if (webhookSecret == null || !SECRET.matcher(webhookSecret).matches()) {
                    throw new IllegalArgumentException("servicedesk.telegram.webhook-secret must be 16-256 characters "
                            + "of A-Z, a-z, 0-9, '_' and '-' in webhook mode");
                }
            }
            if (maxAttachmentSize.toBytes() < 1 || maxAttachmentSize.toBytes() > TELEGRAM_DOWNLOAD_LIMIT) {
                throw new IllegalArgumentException(
                        "servicedesk.telegram.max-attachment-size must be between 1B and 20MB (Telegram's download limit)");
            }
            if (pollTimeout.isNegative() || pollTimeout.toSeconds() > 600) {
                throw new IllegalArgumentException("servicedesk.telegram.poll-timeout must be between 0s and 600s");
            }
        }
    }

    /** Bytes of {@link #maxAttachmentSize()}. */
    long maxAttachmentBytes() {
        return maxAttachmentSize.toBytes();
    }

    /** {@link #baseUrl()} without surrounding blanks (validated trimmed, so used trimmed) and a trailing slash. */
    String apiRoot() {
        String url = baseUrl.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void checkBaseUrl(String value) {
        URI uri = parse(value, "servicedesk.telegram.base-url");
        boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!isHttp(uri) || !pathless || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("servicedesk.telegram.base-url must be an http(s) URL with scheme, host "
                    + "and optional port only, such as https://api.telegram.org; was '" + value + "'");
        }
    }

    private static void checkWebhookUrl(String value) {
        URI uri = parse(value, "servicedesk.telegram.webhook-url");
        if (!isHttp(uri)) {
            throw new IllegalArgumentException("servicedesk.telegram.webhook-url must be an absolute http(s) URL "
                    + "ending in " + WEBHOOK_PATH + " in webhook mode; was '" + value + "'");
        }
    }

    private static URI parse(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must be set");
        }
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is no valid URL: '" + value + "'", e);
        }
    }

    private static boolean isHttp(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null
                && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
    }

    @Override
    public String toString() {
        return "TelegramProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", mode=" + mode
                + ", webhookUrl=" + webhookUrl + ", token=" + (token == null ? "null" : "***")
                + ", webhookSecret=" + (webhookSecret == null ? "null" : "***") + "]";
    }
}
