package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.HistoryEntry;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.NewTicket;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketNotFoundException;
import de.schulit.servicedesk.ticket.TicketQuery;
import de.schulit.servicedesk.ticket.TicketStatus;
import de.schulit.servicedesk.ticket.Tickets;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Tickets} in the {@code ticket}, {@code ticket_field}, {@code ticket_history} and {@code ticket_sequence}
 * tables; attachments are linked through {@code attachment.ticket_number}.
 */
@Repository
@Transactional(readOnly = true)
public class JpaTickets implements Tickets {

    /** SQL state of a unique key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int SEQUENCE_ATTEMPTS = 10;

    private final TicketRepository tickets;
    private final AttachmentRepository attachments;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    JpaTickets(TicketRepository tickets, AttachmentRepository attachments, JdbcTemplate jdbc,
               EntityManager entityManager) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    /**
     * Increments the year's row, which locks it until the caller's transaction ends, so no number is handed out
     * twice. The first number of a year inserts the row; if a concurrent caller inserted it first, the insert is
     * undone to a savepoint (PostgreSQL would otherwise abort the whole transaction) and the increment retried.
     */
    @Override
    @Transactional
    public int nextSequence(int year) {
        for (int attempt = 0; attempt < SEQUENCE_ATTEMPTS; attempt++) {
            if (jdbc.update("UPDATE ticket_sequence SET last_value = last_value + 1 WHERE seq_year = ?", year) == 1) {
                return jdbc.queryForObject("SELECT last_value FROM ticket_sequence WHERE seq_year = ?", Integer.class,
                        year);
            }
            if (Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con -> insertFirst(con, year)))) {
                return 1;
            }
        }
        throw new IllegalStateException("could not draw a ticket number for " + year);
    }

    private static boolean insertFirst(Connection connection, int year) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ticket_sequence (seq_year, last_value) VALUES (?, 1)")) {
            insert.setInt(1, year);
            insert.executeUpdate();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    @Override
    @Transactional
    public Ticket insert(String number, NewTicket ticket, Instant at) {
        TicketEntity entity = new TicketEntity(number, ticket, TicketStatus.NEW, at);
        entity.record(new HistoryEntry(HistoryType.CREATED, ticket.requester().name(), ticket.description(), null, at),
                TicketStatus.NEW, ticket.priority());
        tickets.saveAndFlush(entity);
        if (!ticket.attachments().isEmpty()) {
            attachments.link(ticket.attachments().stream().map(AttachmentRef::id).toList(), number);
        }
        return entity.toTicket(attachmentsOf(List.of(number)).getOrDefault(number, List.of()));
    }

    @Override
    public Optional<Ticket> find(String number) {
        return tickets.findByNumber(number)
                .map(entity -> entity.toTicket(attachmentsOf(List.of(number)).getOrDefault(number, List.of())));
    }

    @Override
    public List<Ticket> search(TicketQuery query) {
        if (query.limit() <= 0) {
            return List.of();
        }
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<TicketEntity> select = cb.createQuery(TicketEntity.class);
        Root<TicketEntity> ticket = select.from(TicketEntity.class);
        List<Predicate> where = new ArrayList<>();
        if (query.schoolId() != null) {
            where.add(cb.equal(ticket.get("schoolId"), query.schoolId()));
        }
        if (query.status() != null) {
            where.add(cb.equal(ticket.get("status"), query.status()));
        }
        if (query.requesterId() != null) {
            where.add(cb.equal(ticket.get("requesterPersonId"), query.requesterId()));
        }
        select.where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(ticket.get("createdAt")), cb.desc(ticket.get("id")));
        List<TicketEntity> found = entityManager.createQuery(select).setMaxResults(query.limit()).getResultList();
        Map<String, List<AttachmentRef>> attached = attachmentsOf(found.stream().map(TicketEntity::number).toList());
        return found.stream()
                .map(entity -> entity.toTicket(attached.getOrDefault(entity.number(), List.of())))
                .toList();
    }

    @Override
    @Transactional
    public Ticket record(String number, HistoryEntry entry, TicketStatus status, Priority priority) {
        TicketEntity entity = tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
        entity.record(entry, status, priority);
        tickets.flush();
        return entity.toTicket(attachmentsOf(List.of(number)).getOrDefault(number, List.of()));
    }

    private Map<String, List<AttachmentRef>> attachmentsOf(Collection<String> numbers) {
        Map<String, List<AttachmentRef>> byTicket = new LinkedHashMap<>();
        if (!numbers.isEmpty()) {
            attachments.findListings(numbers).forEach(listing ->
                    byTicket.computeIfAbsent(listing.ticketNumber(), n -> new ArrayList<>()).add(listing.toRef()));
        }
        return byTicket;
    }
}
