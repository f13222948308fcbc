package de.schulit.servicedesk.testing;

import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.QueueState;
import de.schulit.servicedesk.channel.QueuedMessage;
import de.schulit.servicedesk.dialog.Conversation;
import de.schulit.servicedesk.dialog.ConversationStore;
import de.schulit.servicedesk.identity.EnrollmentCode;
import de.schulit.servicedesk.identity.EnrollmentCodes;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.privacy.PersonalData;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.school.Schools;
import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.Attachments;
import de.schulit.servicedesk.ticket.HistoryEntry;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.NewTicket;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.Subscriber;
import de.schulit.servicedesk.ticket.Subscriptions;
import de.schulit.servicedesk.ticket.Requester;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketQuery;
import de.schulit.servicedesk.ticket.TicketStatus;
import de.schulit.servicedesk.ticket.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fakes of the core's storage ports, for tests of the plain-Java core and of connectors. */
public final class InMemoryStores {

    private final Clock clock;

    public InMemoryStores(Clock clock) {
        this.clock = clock;
    }

    public final InMemorySchools schools = new InMemorySchools();
    public final InMemoryPeople people = new InMemoryPeople();
    public final InMemoryCodes codes = new InMemoryCodes();
    public final InMemoryTickets tickets = new InMemoryTickets();
    public final InMemoryAttachments attachments = new InMemoryAttachments();
    public final InMemoryConversations conversations = new InMemoryConversations();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    public final InMemoryPersonalData personalData = new InMemoryPersonalData();

    public static final class InMemorySchools implements Schools {
        private final Map<String, School> schools = new LinkedHashMap<>();

        @Override
        public List<School> all() {
            return List.copyOf(schools.values());
        }

        @Override
        public Optional<School> find(String id) {
            return Optional.ofNullable(schools.get(id));
        }

        @Override
        public void save(School school) {
            schools.put(school.id(), school);
        }
    }

    public static final class InMemoryPeople implements People {
        private final Map<Long, Person> persons = new HashMap<>();
        private final Map<ChannelAddress, Long> links = new HashMap<>();
        private long nextId = 1;

        @Override
        public Optional<Person> findByAddress(ChannelAddress address) {
            return Optional.ofNullable(links.get(address)).map(persons::get);
        }

        @Override
        public Optional<Person> find(long personId) {
            return Optional.ofNullable(persons.get(personId));
        }

        @Override
        public Person create(String schoolId, String name, Role role, String language) {
            Person person = new Person(nextId++, schoolId, name, role, language);
            persons.put(person.id(), person);
            return person;
        }

        @Override
        public void link(ChannelAddress address, long personId) {
            links.put(address, personId);
        }

        @Override
        public List<ChannelAddress> addresses(long personId) {
            return links.entrySet().stream().filter(e -> e.getValue() == personId).map(Map.Entry::getKey).toList();
        }

        @Override
        public void setLanguage(long personId, String language) {
            Person p = persons.get(personId);
            persons.put(personId, new Person(p.id(), p.schoolId(), p.name(), p.role(), language));
        }
    }

    public static final class InMemoryCodes implements EnrollmentCodes {
        private final Map<String, EnrollmentCode> codes = new HashMap<>();

        @Override
        public void save(EnrollmentCode code) {
            codes.put(code.code(), code);
        }

        @Override
        public Optional<EnrollmentCode> find(String code) {
            return Optional.ofNullable(codes.get(code));
        }

        @Override
        public List<EnrollmentCode> findBySchool(String schoolId) {
            return codes.values().stream().filter(c -> c.schoolId().equals(schoolId)).toList();
        }

        @Override
        public boolean claim(String code, Instant now) {
            EnrollmentCode c = codes.get(code);
            if (c == null || !c.redeemableAt(now)) {
                return false;
            }
            codes.put(code, new EnrollmentCode(c.code(), c.schoolId(), c.role(), c.maxUses(), c.uses() + 1, c.expiresAt()));
            return true;
        }
    }

    public final class InMemoryTickets implements Tickets {
        private final Map<String, Ticket> tickets = new LinkedHashMap<>();
        private final Map<Integer, Integer> sequences = new HashMap<>();

        @Override
        public int nextSequence(int year) {
            return sequences.merge(year, 1, Integer::sum);
        }

        @Override
        public Ticket insert(String number, NewTicket t, Instant at) {
            HistoryEntry created = new HistoryEntry(HistoryType.CREATED, t.requester().name(), t.description(), null, at);
            Ticket ticket = new Ticket(number, t.schoolId(), t.requester(), t.serviceId(), t.requestType(), t.priority(),
                    TicketStatus.NEW, t.title(), t.description(), new LinkedHashMap<>(t.fields()), at, at,
                    List.of(created), t.attachments());
            tickets.put(number, ticket);
            return ticket;
        }

        @Override
        public Optional<Ticket> find(String number) {
            return Optional.ofNullable(tickets.get(number));
        }

        @Override
        public List<Ticket> search(TicketQuery q) {
            return tickets.values().stream()
                    .filter(t -> q.schoolId() == null || t.schoolId().equals(q.schoolId()))
                    .filter(t -> q.status() == null || t.status() == q.status())
                    .filter(t -> q.requesterId() == null || t.requester().personId() == q.requesterId())
                    .sorted(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::number).reversed())
                    .limit(q.limit())
                    .toList();
        }

        @Override
        public Optional<String> newestOpen(String schoolId, String serviceId, RequestType type, Instant since,
                                           String room) {
            return tickets.values().stream()
                    .filter(t -> t.schoolId().equals(schoolId) && t.serviceId().equals(serviceId)
                            && t.requestType() == type && t.status().isOpen() && !t.createdAt().isBefore(since))
                    .filter(t -> room == null || (t.fields().containsKey(Tickets.ROOM_QUESTION)
                            && Tickets.roomKey(t.fields().get(Tickets.ROOM_QUESTION)).equals(Tickets.roomKey(room))))
                    .max(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::number))
                    .map(Ticket::number);
        }

        @Override
        public Ticket record(String number, HistoryEntry entry, TicketStatus status, Priority priority) {
            Ticket t = tickets.get(number);
            List<HistoryEntry> history = new ArrayList<>(t.history());
            history.add(entry);
            List<AttachmentRef> files = new ArrayList<>(t.attachments());
            attachments.linked.getOrDefault(number, List.of()).stream().filter(a -> !files.contains(a)).forEach(files::add);
            Ticket updated = new Ticket(t.number(), t.schoolId(), t.requester(), t.serviceId(), t.requestType(), priority,
                    status, t.title(), t.description(), t.fields(), t.createdAt(), entry.at(), history, files);
            tickets.put(number, updated);
            return updated;
        }

        public List<Ticket> all() {
            return List.copyOf(tickets.values());
        }
    }

    public static final class InMemoryAttachments implements Attachments {
        private final Map<Long, Attachment> files = new HashMap<>();
        private final Map<Long, AttachmentRef> refs = new HashMap<>();
        final Map<String, List<AttachmentRef>> linked = new HashMap<>();
        private long nextId = 1;

        @Override
        public AttachmentRef store(Attachment attachment) {
            AttachmentRef ref = new AttachmentRef(nextId++, attachment.fileName(), attachment.mimeType(), attachment.size());
            files.put(ref.id(), attachment);
            refs.put(ref.id(), ref);
            return ref;
        }

        @Override
        public void linkToTicket(Collection<Long> ids, String ticketNumber) {
            ids.forEach(id -> linked.computeIfAbsent(ticketNumber, n -> new ArrayList<>()).add(refs.get(id)));
        }

        @Override
        public Optional<Attachment> load(long id) {
            return Optional.ofNullable(files.get(id));
        }
    }

    public static final class InMemoryConversations implements ConversationStore {
        private final Map<ChannelAddress, Conversation> conversations = new HashMap<>();

        @Override
        public Optional<Conversation> load(ChannelAddress address) {
            return Optional.ofNullable(conversations.get(address));
        }

        @Override
        public void save(ChannelAddress address, Conversation conversation) {
            conversations.put(address, conversation);
        }

        @Override
        public List<ChannelAddress> unfinishedSince(Instant before, int limit) {
            return conversations.entrySet().stream()
                    .filter(e -> e.getValue().inIntake() && e.getValue().updatedAt() != null
                            && e.getValue().updatedAt().isBefore(before))
                    .map(Map.Entry::getKey).limit(limit).toList();
        }
    }

    public static final class InMemorySubscriptions implements Subscriptions {
        private final Map<String, List<Subscriber>> subscribers = new HashMap<>();

        @Override
        public boolean add(String ticketNumber, Subscriber subscriber) {
            List<Subscriber> list = subscribers.computeIfAbsent(ticketNumber, n -> new ArrayList<>());
            if (list.stream().anyMatch(s -> s.personId() == subscriber.personId())) {
                return false;
            }
            return list.add(subscriber);
        }

        @Override
        public List<Subscriber> of(String ticketNumber) {
            return List.copyOf(subscribers.getOrDefault(ticketNumber, List.of()));
        }

        @Override
        public boolean isSubscribed(String ticketNumber, long personId) {
            return of(ticketNumber).stream().anyMatch(s -> s.personId() == personId);
        }

        @Override
        public List<String> joinedBy(long personId, int limit) {
            return subscribers.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(s -> s.personId() == personId))
                    .map(Map.Entry::getKey).sorted(Comparator.reverseOrder()).limit(limit).toList();
        }

        /** Like the database: the subscription stays, counted, but says no longer who or which chat. */
        void pseudonymise(long personId) {
            subscribers.values().forEach(list -> list.replaceAll(s -> s.personId() != personId ? s
                    : new Subscriber(0, PersonalData.PSEUDONYM, null, s.joinedAt())));
        }
    }

    public final class InMemoryOutbox implements Outbox {
        private final List<QueuedMessage> messages = new ArrayList<>();
        private final Map<Long, Instant> delivered = new HashMap<>();

        @Override
        public QueuedMessage append(ChannelAddress to, BotMessage message) {
            QueuedMessage queued = new QueuedMessage(messages.size() + 1, to, message, clock.instant());
            messages.add(queued);
            return queued;
        }

        @Override
        public List<QueuedMessage> after(ChannelAddress to, long cursor, int limit) {
            return messages.stream().filter(m -> m.to().equals(to) && m.id() > cursor).limit(limit).toList();
        }

        @Override
        public List<QueuedMessage> nextUndelivered(String channel, int limit) {
            Map<ChannelAddress, QueuedMessage> heads = new LinkedHashMap<>();
            messages.stream()
                    .filter(m -> m.to().channel().equals(channel) && !delivered.containsKey(m.id()))
                    .forEach(m -> heads.putIfAbsent(m.to(), m));
            return heads.values().stream().limit(limit).toList();
        }

        @Override
        public void markDelivered(long id, Instant at) {
            delivered.putIfAbsent(id, at);
        }

        public boolean isDelivered(long id) {
            return delivered.containsKey(id);
        }

        @Override
        public QueueState queue(String channel) {
            List<QueuedMessage> waiting = messages.stream()
                    .filter(m -> m.to().channel().equals(channel) && !delivered.containsKey(m.id())).toList();
            return waiting.isEmpty() ? QueueState.EMPTY : new QueueState(waiting.size(), waiting.get(0).at());
        }
    }

    /** Erasing a person over the other fakes; the retention rules are tested on the real database. */
    public final class InMemoryPersonalData implements PersonalData {

        @Override
        public List<ChannelAddress> erasePerson(long personId) {
            List<ChannelAddress> addresses = people.addresses(personId);
            addresses.forEach(address -> {
                people.links.remove(address);
                conversations.conversations.remove(address);
                outbox.messages.removeIf(m -> m.to().equals(address));
            });
            people.persons.remove(personId);
            subscriptions.pseudonymise(personId);
            tickets.tickets.replaceAll((number, t) -> t.requester().personId() != personId ? t
                    : new Ticket(t.number(), t.schoolId(), new Requester(0, PSEUDONYM, null), t.serviceId(),
                            t.requestType(), t.priority(), t.status(), t.title(), t.description(), t.fields(),
                            t.createdAt(), t.updatedAt(), t.history().stream().map(h -> h.author() != null
                                    && h.author().equals(t.requester().name())
                                    ? new HistoryEntry(h.type(), PSEUDONYM, h.text(), h.status(), h.at()) : h).toList(),
                            t.attachments()));
            return addresses;
        }

        @Override
        public int deleteConversationsBefore(Instant cutoff) {
            throw new UnsupportedOperationException("retention is tested on the real database");
        }

        @Override
        public int deleteOutboundMessagesBefore(Instant cutoff) {
            throw new UnsupportedOperationException("retention is tested on the real database");
        }

        @Override
        public int deleteUnlinkedAttachmentsBefore(Instant cutoff) {
            throw new UnsupportedOperationException("retention is tested on the real database");
        }

        @Override
        public int forgetAddresses(Collection<ChannelAddress> addresses) {
            throw new UnsupportedOperationException("retention is tested on the real database");
        }

        @Override
        public int deletePersonsWithoutIdentityBefore(Instant cutoff) {
            throw new UnsupportedOperationException("retention is tested on the real database");
        }

        @Override
        public int pseudonymiseClosedTicketsBefore(Instant cutoff) {
            throw new UnsupportedOperationException("retention is tested on the real database");
        }
    }
}
