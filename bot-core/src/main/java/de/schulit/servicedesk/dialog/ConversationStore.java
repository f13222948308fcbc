package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persists conversation state so that a restart continues every open dialog where it stopped. */
public interface ConversationStore {

    Optional<Conversation> load(ChannelAddress address);

    void save(ChannelAddress address, Conversation conversation);

    /** Chats with an unfinished intake ({@link Conversation#inIntake()}) whose last activity is before the time. */
    List<ChannelAddress> unfinishedSince(Instant before, int limit);
}
