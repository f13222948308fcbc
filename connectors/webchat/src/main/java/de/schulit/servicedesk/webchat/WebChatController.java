package de.schulit.servicedesk.webchat;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.QueuedMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The web chat API of SPEC.md: no API key, the unguessable session id is the identity. */
@RestController
@RequestMapping(path = "/api/chat/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
class WebChatController {

    /** Most messages one poll returns; the page asks again right away when it got any. */
    static final int PAGE_SIZE = 100;

    private static final Pattern CURSOR = Pattern.compile("\\d{1,18}");

    private final WebChatSessions sessions;
    private final ChatGateway gateway;
    private final Outbox outbox;
    private final Clock clock;

    WebChatController(WebChatSessions sessions, ChatGateway gateway, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.gateway = gateway;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SessionCreated open() {
        return new SessionCreated(sessions.open());
    }

    @PostMapping(path = "/{sessionId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    Messages send(@PathVariable String sessionId, @RequestBody Map<String, Object> body) {
        ChannelAddress address = address(sessionId);
        Object text = body.get("text");
        Object optionId = body.get("optionId");
        if ((text == null) == (optionId == null)
                || (text != null && !(text instanceof String))
                || (optionId != null && !(optionId instanceof String))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Bitte senden Sie genau eines der Felder „text“ oder „optionId“, jeweils als Zeichenkette.");
        }
        Inbound inbound = text != null
                ? Inbound.text(address, (String) text, clock.instant())
                : Inbound.option(address, (String) optionId, clock.instant());
        return Messages.of(gateway.receive(inbound));
    }

    @GetMapping("/{sessionId}/messages")
    Messages poll(@PathVariable String sessionId, @RequestParam(name = "after", required = false) String after) {
        ChannelAddress address = address(sessionId);
        long cursor = 0;
        if (after != null) {
            if (!CURSOR.matcher(after).matches()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "Der Parameter „after“ muss eine nicht-negative ganze Zahl sein.");
            }
            cursor = Long.parseLong(after);
        }
        return Messages.of(outbox.after(address, cursor, PAGE_SIZE));
    }

    private ChannelAddress address(String sessionId) {
        return sessions.resolve(sessionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Diese Chat-Sitzung gibt es nicht (mehr). Bitte beginnen Sie einen neuen Chat."));
    }

    record SessionCreated(String sessionId) {
    }

    record Messages(List<Message> messages) {

        static Messages of(List<QueuedMessage> queued) {
            return new Messages(queued.stream().map(Message::of).toList());
        }
    }

    record Message(String id, String text, List<Button> options, String at) {

        static Message of(QueuedMessage queued) {
            return new Message(Long.toString(queued.id()), queued.message().text(),
                    queued.message().options().stream().map(o -> new Button(o.id(), o.label())).toList(),
                    queued.at().toString());
        }
    }

    record Button(String id, String label) {
    }
}
