package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.ticket.Subscriber;
import de.schulit.servicedesk.ticket.Subscriptions;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketEvent;
import de.schulit.servicedesk.ticket.TicketListener;
import de.schulit.servicedesk.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the requester and everybody who joined the ticket, each in the chat they came from and in their language,
 * about status changes and answers of the service desk; remembers the ticket in each of those chats so that a plain
 * reply can be filed as a follow-up. A ticket that became RESOLVED comes with the question whether it is solved.
 */
public final class RequesterNotifier implements TicketListener {

    private static final int AWAITING_LIMIT = 20;

    private final Outbox outbox;
    private final People people;
    private final ConversationStore conversations;
    private final Messages messages;
    private final Subscriptions subscriptions;

    public RequesterNotifier(Outbox outbox, People people, ConversationStore conversations, Messages messages,
                             Subscriptions subscriptions) {
        this.outbox = outbox;
        this.people = people;
        this.conversations = conversations;
        this.messages = messages;
        this.subscriptions = subscriptions;
    }

    @Override
    public void on(TicketEvent event) {
        if (event instanceof TicketEvent.TicketStatusChanged changed) {
            statusChanged(changed);
        } else if (event instanceof TicketEvent.AgentReplied replied) {
            agentReplied(replied);
        }
    }

    private void statusChanged(TicketEvent.TicketStatusChanged event) {
        Ticket ticket = event.ticket();
        boolean waiting = ticket.status() == TicketStatus.WAITING;
        boolean resolved = ticket.status() == TicketStatus.RESOLVED;
        recipients(ticket).forEach((to, language) -> {
            StringBuilder text = new StringBuilder(messages.text(language, "notify.statusChanged", ticket.number(),
                    ticket.title(), messages.text(language, "status." + ticket.status().name())));
            String comment = event.change().text();
            if (comment != null && !comment.isBlank()) {
                text.append('\n').append(messages.text(language, "notify.comment", comment));
            }
            if (waiting) {
                text.append('\n').append(messages.text(language, "notify.waiting"));
            }
            if (resolved) {
                text.append('\n').append(messages.text(language, "resolution.ask"));
                askWhetherSolved(to, language, ticket.number(), text.toString());
            } else {
                send(to, language, ticket.number(), BotMessage.of(text.toString()), ticket.status().isOpen());
            }
        });
    }

    private void agentReplied(TicketEvent.AgentReplied event) {
        Ticket ticket = event.ticket();
        recipients(ticket).forEach((to, language) -> {
            String text = messages.text(language, "notify.agentReply", ticket.number(), event.reply().text())
                    + '\n' + messages.text(language, "notify.replyHint");
            send(to, language, ticket.number(), BotMessage.of(text), ticket.status() != TicketStatus.CLOSED);
        });
    }

    /** Every chat to tell, once, with the language of the person behind it: the requester first. */
    private Map<ChannelAddress, String> recipients(Ticket ticket) {
        Map<ChannelAddress, String> recipients = new LinkedHashMap<>();
        if (ticket.requester().address() != null) { // null: pseudonymised, the requester asked to be forgotten
            recipients.put(ticket.requester().address(), languageOf(ticket.requester().personId()));
        }
        for (Subscriber subscriber : subscriptions.of(ticket.number())) {
            if (subscriber.address() != null) {
                recipients.putIfAbsent(subscriber.address(), languageOf(subscriber.personId()));
            }
        }
        return recipients;
    }

    /**
     * The conversation first, the outbox last: appending locks the chat's queue until the commit, and a dialog turn
     * of the same chat takes the same locks in the same order (conversation, then queue).
     */
    private void send(ChannelAddress to, String language, String number, BotMessage message, boolean expectReply) {
        if (expectReply) {
            Optional<Conversation> stored = conversations.load(to);
            // Writing only a change keeps a notification to many chats from colliding with their ongoing turns.
            if (stored.isEmpty() || !number.equals(stored.get().replyTo())) {
                Conversation conversation = stored.orElseGet(() -> Conversation.start(language));
                conversation.replyTo(number);
                conversations.save(to, conversation);
            }
        }
        outbox.append(to, message);
    }

    /**
     * The buttons carry the ticket number and stay valid while the ticket is RESOLVED, even if the person is in
     * the middle of another report; an idle chat also takes a typed "ja"/"nein".
     */
    private void askWhetherSolved(ChannelAddress to, String language, String number, String text) {
        List<Option> options = List.of(
                new Option(Resolution.SOLVED + number, messages.text(language, "option.solved")),
                new Option(Resolution.UNSOLVED + number, messages.text(language, "option.unsolved")));
        Conversation conversation = conversations.load(to).orElseGet(() -> Conversation.start(language));
        conversation.awaitingConfirmation = new ArrayList<>(conversation.awaitingConfirmation);
        conversation.awaitingConfirmation.remove(number);
        conversation.awaitingConfirmation.add(number);
        // Questions nobody answered (the tickets closed by themselves) are forgotten, oldest first.
        while (conversation.awaitingConfirmation.size() > AWAITING_LIMIT) {
            conversation.awaitingConfirmation.remove(0);
        }
        if (conversation.step == Step.IDLE) {
            conversation.offered = new ArrayList<>(options);
        }
        conversation.replyTo(number);
        conversations.save(to, conversation);
        outbox.append(to, BotMessage.of(text, options));
    }

    private String languageOf(long personId) {
        return Messages.supported(people.find(personId).map(Person::language).orElse(Messages.GERMAN));
    }
}
