package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.HistoryEntry;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.NewTicket;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.Requester;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketNotFoundException;
import de.schulit.servicedesk.ticket.TicketQuery;
import de.schulit.servicedesk.ticket.TicketStatus;
import de.schulit.servicedesk.ticket.Tickets;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Tickets} in the {@code ticket}, {@code ticket_field}, {@code ticket_history} and {@code ticket_sequence}
 * tables; attachments are linked through {@code attachment.ticket_number}.
 */
@Repository
@Transactional(readOnly = true)
public class JpaTickets implements Tickets {

    /** As literals, not a list parameter: a query with one is planned anew for every call. */
    private static final String NOT_OPEN = Arrays.stream(TicketStatus.values())
            .filter(status -> !status.isOpen())
            .map(status -> TicketStatus.class.getName() + "." + status.name())
            .collect(Collectors.joining(", ", "(", ")"));

    private static final int SEQUENCE_ATTEMPTS = 10;

    private final AttachmentRepository attachments;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    JpaTickets(AttachmentRepository attachments, JdbcTemplate jdbc, EntityManager entityManager) {
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
            if (Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con -> RaceFreeInsert.insert(con,
                    "INSERT INTO ticket_sequence (seq_year, last_value) VALUES (?, 1)", year)))) {
                return 1;
            }
        }
        throw new IllegalStateException("could not draw a ticket number for " + year);
    }

    /** Plain JDBC, like {@link #find}: Hibernate's persist and flush of the entity and its collections cost more. */
    @Override
    @Transactional
    public Ticket insert(String number, NewTicket ticket, Instant at) {
        Instant created = Timestamps.stored(at);
        String room = ticket.fields().get(Tickets.ROOM_QUESTION);
        Requester requester = ticket.requester();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket (number, school_id,"
                    + " requester_person_id, requester_name, requester_channel, requester_address, service_id,"
                    + " request_type, room_key, priority, status, title, description, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, number);
            insert.setString(2, ticket.schoolId());
            insert.setLong(3, requester.personId());
            insert.setString(4, requester.name());
            insert.setString(5, requester.address().channel());
            insert.setString(6, requester.address().id());
            insert.setString(7, ticket.serviceId());
            insert.setString(8, ticket.requestType().id());
            insert.setString(9, room == null ? null : Tickets.roomKey(room));
            insert.setString(10, ticket.priority().name());
            insert.setString(11, TicketStatus.NEW.name());
            insert.setString(12, ticket.title());
            insert.setString(13, ticket.description());
            insert.setObject(14, timestamp(created));
            insert.setObject(15, timestamp(created));
            return insert;
        }, key);
        long id = key.getKeyAs(Long.class);
        List<Object[]> fields = new ArrayList<>();
        ticket.fields().forEach((field, value) -> fields.add(new Object[] {id, fields.size(), field, value}));
        jdbc.batchUpdate("INSERT INTO ticket_field (ticket_id, field_index, field_key, field_value)"
                + " VALUES (?, ?, ?, ?)", fields);
        HistoryEntry opened = new HistoryEntry(HistoryType.CREATED, requester.name(), ticket.description(), null,
                created);
        addHistory(id, opened);
        if (!ticket.attachments().isEmpty()) {
            attachments.link(ticket.attachments().stream().map(AttachmentRef::id).toList(), number);
        }
        return new Ticket(number, ticket.schoolId(), requester, ticket.serviceId(), ticket.requestType(),
                ticket.priority(), TicketStatus.NEW, ticket.title(), ticket.description(),
                Collections.unmodifiableMap(new LinkedHashMap<>(ticket.fields())), created, created,
                List.of(opened), attachmentsOf(number));
    }

    /**
     * Plain JDBC: every status question and every message about a ticket reads it, and Hibernate's entities,
     * lazily loaded collections and the dirty check of them at commit cost more than the four queries (JFR, load
     * harness). Every write here flushes at once, so this never misses a change of the same transaction.
     */
    @Override
    public Optional<Ticket> find(String number) {
        Optional<Head> found = jdbc.query("SELECT id, school_id, requester_person_id, requester_name,"
                + " requester_channel, requester_address, service_id, request_type, priority, status, title,"
                + " description, created_at, updated_at FROM ticket WHERE number = ?", (row, n) -> {
                    String address = row.getString("requester_address");
                    Requester requester = new Requester(row.getLong("requester_person_id"),
                            row.getString("requester_name"),
                            address == null ? null : new ChannelAddress(row.getString("requester_channel"), address));
                    return new Head(row.getLong("id"), new Ticket(number, row.getString("school_id"), requester,
                            row.getString("service_id"), RequestType.fromId(row.getString("request_type")).orElseThrow(),
                            Priority.valueOf(row.getString("priority")), TicketStatus.valueOf(row.getString("status")),
                            row.getString("title"), row.getString("description"), Map.of(),
                            instant(row, "created_at"), instant(row, "updated_at"), List.of(), List.of()));
                }, number).stream().findFirst();
        return found.map(head -> head.complete(fieldsOf(head.id()), historyOf(head.id()), attachmentsOf(number)));
    }

    /** The ticket row, read before its fields, history and attachments, which need its id. */
    private record Head(long id, Ticket row) {

        Ticket complete(Map<String, String> fields, List<HistoryEntry> history, List<AttachmentRef> attachments) {
            return new Ticket(row.number(), row.schoolId(), row.requester(), row.serviceId(), row.requestType(),
                    row.priority(), row.status(), row.title(), row.description(), fields, row.createdAt(),
                    row.updatedAt(), history, attachments);
        }
    }

    private Map<String, String> fieldsOf(long ticketId) {
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.query("SELECT field_key, field_value FROM ticket_field WHERE ticket_id = ? ORDER BY field_index",
                (RowCallbackHandler) row -> fields.put(row.getString("field_key"), row.getString("field_value")),
                ticketId);
        return Collections.unmodifiableMap(fields);
    }

    private List<HistoryEntry> historyOf(long ticketId) {
        return jdbc.query("SELECT type, author, text, status, created_at FROM ticket_history WHERE ticket_id = ?"
                + " ORDER BY id", (row, n) -> {
                    String status = row.getString("status");
                    return new HistoryEntry(HistoryType.valueOf(row.getString("type")), row.getString("author"),
                            row.getString("text"), status == null ? null : TicketStatus.valueOf(status),
                            instant(row, "created_at"));
                }, ticketId);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
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
        List<Ticket> result = found.stream()
                .map(entity -> entity.toTicket(attached.getOrDefault(entity.number(), List.of())))
                .toList();
        // the rows change by JDBC: a managed entity would answer a later search of this transaction with stale state
        found.forEach(entityManager::detach);
        return result;
    }

    @Override
    public Optional<String> newestOpen(String schoolId, String serviceId, RequestType type, Instant since,
                                       String room) {
        TypedQuery<String> query = entityManager.createQuery("select t.number from TicketEntity t"
                        + " where t.schoolId = :school and t.serviceId = :service and t.requestType = :type"
                        + (room == null ? "" : " and t.roomKey = :room")
                        + " and t.createdAt >= :since and t.status not in " + NOT_OPEN
                        // the equal columns lead the order too, so that H2 sees the grouping index as sorted
                        + " order by t.schoolId, t.serviceId, t.requestType"
                        + (room == null ? "" : ", t.roomKey") + ", t.createdAt desc, t.id desc", String.class)
                .setParameter("school", schoolId)
                .setParameter("service", serviceId)
                .setParameter("type", type.id())
                .setParameter("since", Timestamps.stored(since));
        if (room != null) {
            query.setParameter("room", Tickets.roomKey(room));
        }
        return query.setMaxResults(1).getResultList().stream().findFirst();
    }

    /** Plain JDBC, like {@link #insert}; the ticket row's update locks it, so concurrent records queue. */
    @Override
    @Transactional
    public Ticket record(String number, HistoryEntry entry, TicketStatus status, Priority priority) {
        OffsetDateTime at = timestamp(entry.at());
        int updated = entry.type() == HistoryType.ASSIGNMENT
                ? jdbc.update("UPDATE ticket SET status = ?, priority = ?, updated_at = ?, assignee = ?"
                        + " WHERE number = ?", status.name(), priority.name(), at, entry.text(), number)
                : jdbc.update("UPDATE ticket SET status = ?, priority = ?, updated_at = ? WHERE number = ?",
                        status.name(), priority.name(), at, number);
        if (updated == 0) {
            throw new TicketNotFoundException(number);
        }
        long id = jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
        addHistory(id, entry);
        return find(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private void addHistory(long ticketId, HistoryEntry entry) {
        jdbc.update("INSERT INTO ticket_history (ticket_id, type, author, text, status, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", ticketId, entry.type().name(), entry.author(), entry.text(),
                entry.status() == null ? null : entry.status().name(), timestamp(entry.at()));
    }

    /** In the microseconds the databases keep, so what is written and what is read back agree. */
    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(Timestamps.stored(instant), ZoneOffset.UTC);
    }

    private List<AttachmentRef> attachmentsOf(String number) {
        return jdbc.query("SELECT id, file_name, mime_type, size FROM attachment WHERE ticket_number = ? ORDER BY id",
                (row, n) -> new AttachmentRef(row.getLong("id"), row.getString("file_name"),
                        row.getString("mime_type"), row.getLong("size")), number);
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
