package de.schulit.servicedesk.api;

import de.schulit.servicedesk.ticket.TicketNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Every failure of the HTTP API becomes {@code {"error": "..."}} with a fitting status, never a stack trace. */
@RestControllerAdvice
public class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<ApiError> notFound(TicketNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badInput(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.PayloadTooLargeException) {
                return error(HttpStatus.PAYLOAD_TOO_LARGE, "Die Anfrage ist zu groß");
            }
        }
        return error(HttpStatus.BAD_REQUEST, "Ungültiges JSON oder fehlende Angaben im Inhalt der Anfrage");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "Ungültiger Wert für „" + e.getName() + "“");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        return error(e.getStatusCode(), e.getReason() != null ? e.getReason() : describe(e.getStatusCode()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse response) {
            // Spring MVC's own exceptions (unknown path, wrong method, wrong media type, ...) carry their status.
            return error(response.getStatusCode(), describe(response.getStatusCode()));
        }
        log.error("Unexpected error in the HTTP API", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Interner Fehler. Bitte versuchen Sie es später erneut.");
    }

    private static String describe(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Ungültige Anfrage";
            case 401 -> "Nicht angemeldet";
            case 403 -> "Keine Berechtigung";
            case 404 -> "Nicht gefunden";
            case 405 -> "Diese Methode ist hier nicht erlaubt";
            case 406 -> "Dieses Antwortformat wird nicht angeboten";
            case 413 -> "Die Anfrage ist zu groß";
            case 415 -> "Bitte senden Sie JSON (Content-Type: application/json)";
            case 429 -> "Zu viele Anfragen. Bitte warten Sie einen Moment.";
            default -> "Fehler " + status.value();
        };
    }

    private static ResponseEntity<ApiError> error(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).body(new ApiError(message));
    }
}
