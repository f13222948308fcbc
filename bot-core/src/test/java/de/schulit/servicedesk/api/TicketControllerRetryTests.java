package de.schulit.servicedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.testing.InMemoryStores;
import de.schulit.servicedesk.testing.MutableClock;
import de.schulit.servicedesk.ticket.NewTicket;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.Requester;
import de.schulit.servicedesk.ticket.TicketDesk;
import de.schulit.servicedesk.ticket.TicketEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** An agent's change that collides with a requester's running dialog turn is tried again, not failed. */
class TicketControllerRetryTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
    final InMemoryStores stores = new InMemoryStores(clock);
    final TicketDesk desk = new TicketDesk(stores.tickets, stores.subscriptions, clock, ZoneId.of("Europe/Berlin"),
            "SD");
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger rollbacks = new AtomicInteger();
    final TicketController controller = new TicketController(desk, stores.attachments, new CountingTransactions());
    final String number = desk.open(new NewTicket("gs-park", new Requester(1, "Rita", new ChannelAddress("webchat", "a")),
            "drucken", RequestType.STOERUNG, Priority.P3, "Drucker", "Drucker druckt nicht", Map.of(), List.of()))
            .number();

    @Test
    void aConflictingWriteIsRetriedInAFreshTransaction() {
        AtomicInteger attempts = new AtomicInteger();
        desk.addListener(event -> {
            if (event instanceof TicketEvent.AgentReplied && attempts.incrementAndGet() == 1) {
                throw new CannotAcquireLockException("conversation row locked by a running turn");
            }
        });

        // (the in-memory store does not roll back, so only the attempts and transactions are asserted here; the
        // rollback itself is the database's)
        TicketJson json = controller.message(number, new TicketController.MessageRequest("Bitte neu starten", false,
                "Agent"));

        assertThat(json.number()).isEqualTo(number);
        assertThat(attempts).hasValue(2);
        assertThat(rollbacks).hasValue(1);
        assertThat(commits).hasValue(1);
    }

    @Test
    void aRejectedChangeIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        desk.addListener(event -> attempts.incrementAndGet());

        assertThatThrownBy(() -> controller.status(number, new TicketController.StatusRequest("NEW", "", "Agent")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(0);
        assertThat(rollbacks).hasValue(1);
    }

    /** Counts the transactions the controller opens; there is no database behind this unit test. */
    final class CountingTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }
}
