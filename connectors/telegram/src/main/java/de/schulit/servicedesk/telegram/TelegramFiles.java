package de.schulit.servicedesk.telegram;

import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.channel.FileTypes;
import de.schulit.servicedesk.telegram.TelegramInput.FileRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Fetches a photo or document a user sent: {@code getFile}, then a download of
 * {@code <base-url>/file/bot<token>/<file_path>} with java.net.http (the library's download ignores a custom base URL
 * and does not check the HTTP status). Enforces the size limit before and during the download and accepts only
 * images (JPEG, PNG, GIF, WebP) and PDF, recognised by their first bytes, not by what the client claims.
 */
final class TelegramFiles {

    sealed interface Fetched {
    }

    record Accepted(Attachment attachment) implements Fetched {
    }

    enum Reason { TOO_LARGE, WRONG_TYPE, UNAVAILABLE }

    record Rejected(Reason reason) implements Fetched {
    }

    /** Telegram or the network failed in a way that may pass: try the update again later. */
    static final class TransientFailure extends RuntimeException {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The file server answered 4xx: the file is gone or the path is wrong; trying again will not help. */
    private static final class Unavailable extends IOException {
    }

    private static final Set<String> CLAIMABLE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "application/pdf", "application/octet-stream");

    private final TelegramClient client;
    private final HttpClient http;
    private final String fileRoot;
    private final long maxBytes;

    TelegramFiles(TelegramClient client, HttpClient http, String apiRoot, String token, long maxBytes) {
        this.client = client;
        this.http = http;
        this.fileRoot = apiRoot + "/file/bot" + token + "/";
        this.maxBytes = maxBytes;
    }

    Fetched fetch(FileRef ref) {
        if (ref.declaredSize() != null && ref.declaredSize() > maxBytes) {
            return new Rejected(Reason.TOO_LARGE);
        }
        if (ref.mimeType() != null && !CLAIMABLE.contains(ref.mimeType().toLowerCase(Locale.ROOT))) {
            return new Rejected(Reason.WRONG_TYPE);
        }
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(ref.fileId()).build());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && code == 400 && e.getMessage() != null && e.getMessage().contains("too big")) {
                return new Rejected(Reason.TOO_LARGE);
            }
            if (code != null && code >= 400 && code < 500 && code != 429) {
                return new Rejected(Reason.UNAVAILABLE);
            }
            throw new TransientFailure("getFile failed: " + e.getMessage(), e);
        } catch (TelegramApiException e) {
            throw new TransientFailure("getFile failed: " + e.getMessage(), e);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            return new Rejected(Reason.TOO_LARGE);
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            return new Rejected(Reason.UNAVAILABLE);
        }
        byte[] content;
        try {
            content = download(file.getFilePath());
        } catch (Unavailable e) {
            return new Rejected(Reason.UNAVAILABLE);
        } catch (IOException e) {
            throw new TransientFailure("file download failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("file download interrupted", e);
        }
        if (content == null) {
            return new Rejected(Reason.TOO_LARGE);
        }
        String mime = FileTypes.sniff(content);
        if (mime == null) {
            return new Rejected(Reason.WRONG_TYPE);
        }
        return new Accepted(new Attachment(FileTypes.fileName(ref.fileName(), mime), mime, content));
    }

    /** The file's bytes, or null when it is larger than allowed. */
    private byte[] download(String filePath) throws IOException, InterruptedException {
        String encoded = Arrays.stream(filePath.split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(fileRoot + encoded)).timeout(Duration.ofSeconds(60))
                .GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status != 200) {
                if (status >= 500 || status == 429) {
                    throw new IOException("file download answered HTTP " + status);
                }
                throw new Unavailable();
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                return null;
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return bytes.length > maxBytes ? null : bytes;
        }
    }
}
