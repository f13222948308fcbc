package de.schulit.servicedesk.app;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.QueuedMessage;
import de.schulit.servicedesk.dialog.DialogEngine;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one dialog turn and stores its replies in the outbox, in one transaction. Turns of the same chat are
 * serialised (a user double-clicking must not fork the dialog); a notification that changed the conversation
 * meanwhile, or a lock wait that timed out, makes the turn retry on fresh state.
 */
@Component
class DialogChatGateway implements ChatGateway {

    private static final int STRIPES = 256;
    private static final int ATTEMPTS = 3;

    private final DialogEngine engine;
    private final Outbox outbox;
    private final People people;
    private final Messages messages;
    private final KeyedRateLimiter<ChannelAddress> perChat;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final ChannelMetrics metrics;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Map<String, Timer> turnTimers = new ConcurrentHashMap<>();

    DialogChatGateway(DialogEngine engine, Outbox outbox, People people, Messages messages, RateLimitProperties limits,
                      PlatformTransactionManager transactions, MeterRegistry meters, ChannelMetrics metrics) {
        this.engine = engine;
        this.outbox = outbox;
        this.people = people;
        this.messages = messages;
        this.perChat = new KeyedRateLimiter<>(limits.messagesPerMinute());
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
        this.metrics = metrics;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Every channel passes here, so this is where one chat's flood stops: beyond the limit an input is not processed;
     * the first one rejected in a minute gets a notice saying so, the others nothing.
     */
    @Override
    public List<QueuedMessage> receive(Inbound inbound) {
        switch (perChat.admit(inbound.from())) {
            case REJECTED -> {
                metrics.rateLimited(inbound.from().channel());
                return List.of();
            }
            case REJECTED_FIRST -> {
                metrics.rateLimited(inbound.from().channel());
                return transaction.execute(status -> List.of(outbox.append(inbound.from(),
                        BotMessage.of(messages.text(languageOf(inbound.from()), "input.rateLimited")))));
            }
            case ALLOWED -> {
            }
        }
        ReentrantLock lock = locks[Math.floorMod(inbound.from().hashCode(), STRIPES)];
        metrics.received(inbound.from().channel());
        Timer turns = turnTimers.computeIfAbsent(inbound.from().channel(), channel -> Timer
                .builder("servicedesk.dialog.turns").description("Dialog turns handled").tag("channel", channel)
                .register(meters));
        lock.lock();
        try {
            return turns.record(() -> runWithRetry(inbound));
        } finally {
            lock.unlock();
        }
    }

    private String languageOf(ChannelAddress chat) {
        return Messages.supported(people.findByAddress(chat).map(Person::language).orElse(Messages.GERMAN));
    }

    private List<QueuedMessage> runWithRetry(Inbound inbound) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> engine.handle(inbound).stream()
                        .map(message -> outbox.append(inbound.from(), message))
                        .toList());
            } catch (TransientDataAccessException e) {
                // a notification changed the conversation meanwhile, or a lock wait ran out: the whole turn rolled back
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
