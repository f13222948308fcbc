package de.schulit.servicedesk.channel;

import java.util.List;

/**
 * The door every connector uses: hands one user input to the dialog and returns the bot's replies, already
 * stored in the {@link Outbox} (in one transaction with the dialog's changes), in order.
 */
public interface ChatGateway {

    List<QueuedMessage> receive(Inbound inbound);
}
