package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketEvent;
import de.schulit.servicedesk.ticket.TicketListener;
import de.schulit.servicedesk.ticket.TicketStatus;

/**
 * Tells the requester, in the chat the ticket came from and in their language, about status changes and answers
 * of the service desk; remembers the ticket so that a plain reply can be filed as a follow-up.
 */
public final class RequesterNotifier implements TicketListener {

    private final Outbox outbox;
    private final People people;
    private final ConversationStore conversations;
    private final Messages messages;

    public RequesterNotifier(Outbox outbox, People people, ConversationStore conversations, Messages messages) {
        this.outbox = outbox;
        this.people = people;
        this.conversations = conversations;
        this.messages = messages;
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
        String language = languageOf(ticket);
        StringBuilder text = new StringBuilder(messages.text(language, "notify.statusChanged", ticket.number(),
                ticket.title(), messages.text(language, "status." + ticket.status().name())));
        String comment = event.change().text();
        if (comment != null && !comment.isBlank()) {
            text.append('\n').append(messages.text(language, "notify.comment", comment));
        }
        boolean waiting = ticket.status() == TicketStatus.WAITING;
        if (waiting) {
            text.append('\n').append(messages.text(language, "notify.waiting"));
        }
        send(ticket, text.toString(), waiting);
    }

    private void agentReplied(TicketEvent.AgentReplied event) {
        Ticket ticket = event.ticket();
        String language = languageOf(ticket);
        String text = messages.text(language, "notify.agentReply", ticket.number(), event.reply().text())
                + '\n' + messages.text(language, "notify.replyHint");
        send(ticket, text, ticket.status() != TicketStatus.CLOSED);
    }

    private void send(Ticket ticket, String text, boolean expectReply) {
        ChannelAddress to = ticket.requester().address();
        if (to == null) {
            return; // pseudonymised: the requester asked to be forgotten
        }
        outbox.append(to, BotMessage.of(text));
        if (expectReply) {
            Conversation conversation = conversations.load(to).orElseGet(() -> Conversation.start(languageOf(ticket)));
            conversation.replyTo(ticket.number());
            conversations.save(to, conversation);
        }
    }

    private String languageOf(Ticket ticket) {
        return Messages.supported(people.find(ticket.requester().personId()).map(Person::language).orElse(Messages.GERMAN));
    }
}
