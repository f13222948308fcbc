package de.schulit.servicedesk.api;

import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.channel.PlainText;
import de.schulit.servicedesk.ticket.Attachments;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketDesk;
import de.schulit.servicedesk.ticket.TicketNotFoundException;
import de.schulit.servicedesk.ticket.TicketQuery;
import de.schulit.servicedesk.ticket.TicketStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The agent API: list and read tickets, answer requesters, change status. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    static final int MAX_TEXT = 4000;
    private static final int MAX_LIST = 200;
    private static final String DEFAULT_AGENT = "Servicedesk";

    /**
     * A reply or status change writes the conversation of everyone affected; when one of them is in the middle of a
     * dialog turn, the write conflicts and the whole change is tried again on fresh state instead of failing the agent.
     */
    private static final RetryPolicy ON_CONFLICT = RetryPolicy.builder()
            .includes(TransientDataAccessException.class)
            .maxRetries(4).delay(Duration.ofMillis(20)).jitter(Duration.ofMillis(20)).multiplier(2)
            .build();

    private final TicketDesk desk;
    private final Attachments attachments;
    private final TransactionTemplate transaction;
    private final RetryTemplate retry = new RetryTemplate(ON_CONFLICT);

    TicketController(TicketDesk desk, Attachments attachments, PlatformTransactionManager transactions) {
        this.desk = desk;
        this.attachments = attachments;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Tickets(List<TicketJson> tickets) {
    }

    record MessageRequest(String text, Boolean internal, String author) {
    }

    record StatusRequest(String status, String comment, String author) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    Tickets list(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String status,
                 @RequestParam(defaultValue = "50") int limit) {
        TicketStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        int bounded = Math.max(1, Math.min(limit, MAX_LIST));
        String school = schoolId == null || schoolId.isBlank() ? null : schoolId;
        return new Tickets(desk.search(new TicketQuery(school, wanted, null, bounded)).stream()
                .map(t -> json(t, false)).toList());
    }

    @GetMapping("/{number}")
    @Transactional(readOnly = true)
    TicketJson get(@PathVariable String number) {
        return json(require(number), true);
    }

    @GetMapping("/{number}/attachments/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> attachment(@PathVariable String number, @PathVariable long id) {
        Ticket ticket = require(number);
        if (ticket.attachments().stream().noneMatch(a -> a.id() == id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Anhang nicht gefunden");
        }
        Attachment file = attachments.load(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Anhang nicht gefunden"));
        return ResponseEntity.ok()
                // Served as a download, never rendered inline, so an uploaded HTML file cannot run in our origin.
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @PostMapping("/{number}/messages")
    TicketJson message(@PathVariable String number, @RequestBody MessageRequest request) {
        String text = requireText(request.text(), "text");
        return retryingOnConflict(() -> json(desk.reply(require(number).number(), author(request.author()), text,
                Boolean.TRUE.equals(request.internal())), true));
    }

    @PostMapping("/{number}/status")
    TicketJson status(@PathVariable String number, @RequestBody StatusRequest request) {
        if (request.status() == null) {
            throw new IllegalArgumentException("„status“ fehlt");
        }
        TicketStatus status = parseStatus(request.status());
        String comment = request.comment() == null ? "" : clean(request.comment());
        if (comment.length() > MAX_TEXT) {
            throw new IllegalArgumentException("„comment“ ist zu lang (höchstens " + MAX_TEXT + " Zeichen)");
        }
        return retryingOnConflict(() -> json(desk.changeStatus(require(number).number(), status, comment,
                author(request.author())), true));
    }

    private <T> T retryingOnConflict(Supplier<T> change) {
        try {
            return retry.execute(() -> transaction.execute(status -> change.get()));
        } catch (RetryException e) {
            if (e.getLastException() instanceof RuntimeException last) {
                throw last;
            }
            throw new IllegalStateException(e.getLastException());
        }
    }

    private Ticket require(String number) {
        return desk.find(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private TicketJson json(Ticket ticket, boolean withHistory) {
        return TicketJson.of(ticket, desk.subscribers(ticket.number()), withHistory);
    }

    private static TicketStatus parseStatus(String value) {
        return TicketStatus.parse(value).orElseThrow(() -> new IllegalArgumentException(
                "Unbekannter Status „" + value + "“ (erlaubt: NEW, IN_PROGRESS, WAITING, RESOLVED, CLOSED)"));
    }

    /** As the dialog does with the requesters' texts (see {@link PlainText}). */
    static String clean(String text) {
        return PlainText.clean(text);
    }

    static String requireText(String text, String field) {
        String stripped = clean(text);
        if (stripped == null || stripped.isEmpty()) {
            throw new IllegalArgumentException("„" + field + "“ fehlt oder ist leer");
        }
        if (stripped.length() > MAX_TEXT) {
            throw new IllegalArgumentException("„" + field + "“ ist zu lang (höchstens " + MAX_TEXT + " Zeichen)");
        }
        return stripped;
    }

    private static String author(String author) {
        String stripped = clean(author);
        if (stripped == null || stripped.isEmpty()) {
            return DEFAULT_AGENT;
        }
        return stripped.length() > 80 ? stripped.substring(0, 80) : stripped;
    }

}
