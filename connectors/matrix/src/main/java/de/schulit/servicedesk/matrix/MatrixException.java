package de.schulit.servicedesk.matrix;

import java.time.Duration;

/** A failed Client-Server API call: HTTP status (0 for a network failure), Matrix errcode, and a rate limit's wait. */
final class MatrixException extends RuntimeException {

    private final int status;
    private final String errcode;
    private final transient Duration retryAfter;

    MatrixException(int status, String errcode, String message, Duration retryAfter) {
        super((errcode == null ? "" : errcode + ": ") + message + (status > 0 ? " (HTTP " + status + ")" : ""));
        this.status = status;
        this.errcode = errcode;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    String errcode() {
        return errcode;
    }

    boolean isRateLimit() {
        return status == 429 || "M_LIMIT_EXCEEDED".equals(errcode);
    }

    /** Network failures, server errors and rate limits pass; other 4xx answers will not change by trying again. */
    boolean isTransient() {
        return status == 0 || status >= 500 || isRateLimit();
    }

    /** How long the homeserver asked to wait; one second when a rate limit named no time. */
    Duration retryAfter() {
        return retryAfter != null ? retryAfter : Duration.ofSeconds(1);
    }
}
