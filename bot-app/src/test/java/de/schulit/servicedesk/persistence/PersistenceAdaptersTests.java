package de.schulit.servicedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.PolledChannel;
import de.schulit.servicedesk.channel.QueueState;
import de.schulit.servicedesk.channel.QueuedMessage;
import de.schulit.servicedesk.dialog.Classification;
import de.schulit.servicedesk.dialog.Conversation;
import de.schulit.servicedesk.dialog.Draft;
import de.schulit.servicedesk.dialog.Step;
import de.schulit.servicedesk.identity.EnrollmentCode;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.testing.TestDatabase;
import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.HistoryEntry;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.Impact;
import de.schulit.servicedesk.ticket.NewTicket;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.Requester;
import de.schulit.servicedesk.ticket.Subscriber;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketNotFoundException;
import de.schulit.servicedesk.ticket.TicketQuery;
import de.schulit.servicedesk.ticket.TicketStatus;
import de.schulit.servicedesk.ticket.Urgency;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JPA adapters against the schema Flyway creates, validated by Hibernate, in a real H2 file database, and in the
 * PostgreSQL run in a real PostgreSQL (see {@link TestDatabase}).
 */
@SpringBootTest(classes = PersistenceAdaptersTests.PersistenceTestApplication.class, properties = {
        "spring.jpa.hibernate.ddl-auto=validate",
        "spring.jpa.open-in-view=false",
        "spring.main.web-application-type=none"})
class PersistenceAdaptersTests {

    private static final Instant T0 = Instant.parse("2026-03-02T08:15:30.123456Z");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EntityScan(basePackages = "de.schulit.servicedesk.persistence")
    @EnableJpaRepositories(basePackages = "de.schulit.servicedesk.persistence")
    // TypeExcludeFilter keeps other test classes' configurations in this package out, as @SpringBootApplication does.
    @ComponentScan(basePackages = "de.schulit.servicedesk.persistence",
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class PersistenceTestApplication {

        @Bean
        PolledChannel webChatIsPolled() {
            return new PolledChannel("webchat");
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.create(Path.of("bot-app", "target", "persistence-test-db", UUID.randomUUID().toString()));
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
    }

    @Autowired
    JpaSchools schools;

    @Autowired
    JpaPeople people;

    @Autowired
    JpaEnrollmentCodes codes;

    @Autowired
    JpaTickets tickets;

    @Autowired
    JpaAttachments attachments;

    @Autowired
    JpaOutbox outbox;

    @Autowired
    JpaConversationStore conversations;

    @Autowired
    ConversationRepository conversationRepository;

    @Autowired
    ObjectProvider<Clock> clock;

    @Autowired
    JpaSubscriptions subscriptions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    // --- schools ---

    @Test
    void schoolSaveInsertsAndUpdatesById() {
        String id = uniqueId("gs");
        schools.save(new School(id, "Grundschule am Park", "park.example.de"));
        schools.save(new School(id, "Grundschule Am Park", null));

        assertThat(schools.find(id)).contains(new School(id, "Grundschule Am Park", null));
        assertThat(schools.all()).filteredOn(s -> s.id().equals(id)).hasSize(1);
        assertThat(schools.find("no-such-school")).isEmpty();
    }

    // --- people ---

    @Test
    void linkIsIdempotentAndRelinkingMovesTheAddress() {
        String school = school();
        Person anna = people.create(school, "Anna Schmidt", Role.STAFF, "de");
        Person ben = people.create(school, "Ben Koch", Role.COORDINATOR, null);
        ChannelAddress telegram = new ChannelAddress("telegram", uniqueId("tg"));
        ChannelAddress webchat = new ChannelAddress("webchat", uniqueId("session"));

        people.link(telegram, anna.id());
        people.link(telegram, anna.id());
        people.link(webchat, anna.id());

        assertThat(people.findByAddress(telegram)).contains(anna);
        assertThat(people.addresses(anna.id())).containsExactly(telegram, webchat);

        people.link(telegram, ben.id());

        assertThat(people.findByAddress(telegram)).contains(ben);
        assertThat(people.addresses(anna.id())).containsExactly(webchat);
        assertThat(people.addresses(ben.id())).containsExactly(telegram);
        assertThat(people.findByAddress(new ChannelAddress("telegram", "unknown"))).isEmpty();
        assertThat(ben.isCoordinator()).isTrue();
        assertThat(people.find(ben.id())).contains(new Person(ben.id(), school, "Ben Koch", Role.COORDINATOR, null));
    }

    @Test
    void languageIsUpdated() {
        Person person = people.create(school(), "Cem Yilmaz", Role.STAFF, "de");

        people.setLanguage(person.id(), "en");

        assertThat(people.find(person.id())).map(Person::language).contains("en");
    }

    @Test
    void linkingToAnUnknownPersonFails() {
        assertThatThrownBy(() -> people.link(new ChannelAddress("matrix", "@x:example.de"), 999_999L))
                .isInstanceOf(RuntimeException.class);
    }

    // --- enrollment codes ---

    @Test
    void claimCountsUsesUpToMaxUsesBeforeExpiry() {
        String school = school();
        EnrollmentCode code = new EnrollmentCode(uniqueId("CODE"), school, Role.COORDINATOR, 2, 0,
                T0.plus(Duration.ofDays(14)));
        codes.save(code);

        assertThat(codes.claim(code.code(), T0)).isTrue();
        assertThat(codes.claim(code.code(), T0)).isTrue();
        assertThat(codes.claim(code.code(), T0)).isFalse();
        assertThat(codes.find(code.code())).contains(new EnrollmentCode(code.code(), school, Role.COORDINATOR, 2, 2,
                code.expiresAt()));
        assertThat(codes.claim("NO-SUCH-CODE", T0)).isFalse();
    }

    @Test
    void expiredCodeCannotBeClaimed() {
        String school = school();
        EnrollmentCode code = new EnrollmentCode(uniqueId("OLD"), school, Role.STAFF, 30, 0, T0);
        codes.save(code);

        assertThat(codes.claim(code.code(), T0)).isFalse();
        assertThat(codes.claim(code.code(), T0.minusSeconds(1))).isTrue();
        assertThat(codes.findBySchool(school)).extracting(EnrollmentCode::uses).containsExactly(1);
    }

    @Test
    void aClaimIsSeenByTheSameTransaction() {
        EnrollmentCode code = new EnrollmentCode(uniqueId("TX"), school(), Role.STAFF, 3, 0, T0.plusSeconds(60));
        codes.save(code);

        Integer uses = new TransactionTemplate(transactionManager).execute(status -> {
            codes.find(code.code()).orElseThrow();
            codes.claim(code.code(), T0);
            return codes.find(code.code()).orElseThrow().uses();
        });

        assertThat(uses).isEqualTo(1);
    }

    @Test
    void concurrentClaimsNeverExceedMaxUses() throws Exception {
        EnrollmentCode code = new EnrollmentCode(uniqueId("RUSH"), school(), Role.STAFF, 5, 0, T0.plusSeconds(60));
        codes.save(code);

        List<Boolean> results = inParallel(8, 3, () -> codes.claim(code.code(), T0));

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(5);
        assertThat(codes.find(code.code())).map(EnrollmentCode::uses).contains(5);
    }

    @Test
    void saveUpdatesAnExistingCode() {
        String school = school();
        EnrollmentCode code = new EnrollmentCode(uniqueId("UPD"), school, Role.STAFF, 10, 0, T0);
        codes.save(code);
        codes.save(new EnrollmentCode(code.code(), school, Role.STAFF, 20, 3, T0.plusSeconds(5)));

        assertThat(codes.find(code.code())).contains(new EnrollmentCode(code.code(), school, Role.STAFF, 20, 3,
                T0.plusSeconds(5)));
    }

    // --- tickets ---

    @Test
    void concurrentCallersNeverGetTheSameSequenceNumber() throws Exception {
        int year = 2031;

        List<Integer> numbers = inParallel(8, 25, () -> tickets.nextSequence(year));

        assertThat(numbers).hasSize(200).doesNotHaveDuplicates();
        Set<Integer> distinct = new HashSet<>(numbers);
        int first = numbers.stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(distinct).allSatisfy(n -> assertThat(n).isBetween(first, first + 199));
        assertThat(tickets.nextSequence(year)).isEqualTo(first + 200);
    }

    @Test
    void sequencesArePerYear() {
        int a = tickets.nextSequence(2041);
        int b = tickets.nextSequence(2042);

        assertThat(tickets.nextSequence(2041)).isEqualTo(a + 1);
        assertThat(tickets.nextSequence(2042)).isEqualTo(b + 1);
    }

    @Test
    void insertStoresTheTicketWithFieldsInOrderHistoryAndAttachments() {
        String school = school();
        Person person = people.create(school, "Anna Schmidt", Role.STAFF, "de");
        ChannelAddress chat = new ChannelAddress("telegram", uniqueId("chat"));
        AttachmentRef photo = attachments.store(new Attachment("drucker.jpg", "image/jpeg", bytes(1024, 1)));
        AttachmentRef log = attachments.store(new Attachment("fehler.txt", "text/plain",
                "Fehler 0x42".getBytes(StandardCharsets.UTF_8)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("raum", "A 1.04");
        fields.put("geraet", "Kyocera TASKalfa");
        fields.put("fehlermeldung", "Papierstau in Fach 2, Klappe lässt sich nicht öffnen");
        fields.put("seit", "heute früh");
        fields.put("andere_betroffen", "ja");
        fields.put("impact", Impact.ONE_ROOM.name());
        fields.put("urgency", Urgency.TODAY_OR_TOMORROW.name());
        NewTicket draft = new NewTicket(school, new Requester(person.id(), person.name(), chat), "drucken",
                RequestType.STOERUNG, Priority.P3, "Drucker im Lehrerzimmer druckt nicht",
                "Drucker im Lehrerzimmer druckt nicht.\nEs kommt nur ein Papierstau.", fields, List.of(photo, log));
        String number = "SD-2026-" + String.format("%05d", tickets.nextSequence(2026));

        // Nanoseconds are cut to the microseconds the database keeps, so insert and find agree.
        Ticket inserted = tickets.insert(number, draft, T0.plusNanos(789));

        assertThat(inserted.number()).isEqualTo(number);
        assertThat(inserted.status()).isEqualTo(TicketStatus.NEW);
        assertThat(inserted.createdAt()).isEqualTo(T0);
        assertThat(inserted.updatedAt()).isEqualTo(T0);
        assertThat(inserted.attachments()).containsExactly(photo, log);
        assertThat(inserted.history()).containsExactly(new HistoryEntry(HistoryType.CREATED, "Anna Schmidt",
                draft.description(), null, T0));
        Ticket found = tickets.find(number).orElseThrow();
        assertThat(found).isEqualTo(inserted);
        assertThat(found.schoolId()).isEqualTo(school);
        assertThat(found.requester()).isEqualTo(new Requester(person.id(), "Anna Schmidt", chat));
        assertThat(found.serviceId()).isEqualTo("drucken");
        assertThat(found.requestType()).isEqualTo(RequestType.STOERUNG);
        assertThat(found.priority()).isEqualTo(Priority.P3);
        assertThat(found.title()).isEqualTo("Drucker im Lehrerzimmer druckt nicht");
        assertThat(found.description()).isEqualTo(draft.description());
        // The order the ticket was handed over in is the order it is read back in.
        assertThat(found.fields().entrySet()).containsExactlyElementsOf(draft.fields().entrySet());
        assertThat(tickets.find("SD-2026-99999")).isEmpty();
    }

    @Test
    void recordAppendsHistoryAndSetsStatusPriorityAndUpdateTime() {
        String school = school();
        Person person = people.create(school, "Anna Schmidt", Role.STAFF, "de");
        Ticket ticket = newTicket(school, person, T0);
        HistoryEntry reply = new HistoryEntry(HistoryType.AGENT_REPLY, "Servicedesk (Jana)", "Wir kommen morgen.",
                null, T0.plusSeconds(60));
        HistoryEntry note = new HistoryEntry(HistoryType.INTERNAL_NOTE, "Jana", "Techniker informiert", null,
                T0.plusSeconds(90));
        HistoryEntry change = new HistoryEntry(HistoryType.STATUS_CHANGE, "Jana", "", TicketStatus.IN_PROGRESS,
                T0.plusSeconds(120));

        tickets.record(ticket.number(), reply, TicketStatus.NEW, Priority.P3);
        tickets.record(ticket.number(), note, TicketStatus.NEW, Priority.P3);
        Ticket updated = tickets.record(ticket.number(), change, TicketStatus.IN_PROGRESS, Priority.P2);

        assertThat(updated.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(updated.priority()).isEqualTo(Priority.P2);
        assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.history()).extracting(HistoryEntry::type).containsExactly(HistoryType.CREATED,
                HistoryType.AGENT_REPLY, HistoryType.INTERNAL_NOTE, HistoryType.STATUS_CHANGE);
        assertThat(updated.history()).endsWith(reply, note, change);
        assertThat(tickets.find(ticket.number())).contains(updated);
        assertThat(updated.statusSince()).isEqualTo(T0.plusSeconds(120));
        assertThat(updated.lastPublicAnswer()).contains(reply);
        assertThatThrownBy(() -> tickets.record("SD-1999-00001", reply, TicketStatus.NEW, Priority.P3))
                .isInstanceOf(TicketNotFoundException.class);
    }

    @Test
    void aSearchAfterARecordInTheSameTransactionSeesTheRecord() {
        String school = school();
        Ticket ticket = newTicket(school, people.create(school, "Anna Schmidt", Role.STAFF, "de"), T0);
        HistoryEntry assignment = new HistoryEntry(HistoryType.ASSIGNMENT, "Jana", "Vor-Ort-Team Nord", null,
                T0.plusSeconds(60));

        Ticket seen = new TransactionTemplate(transactionManager).execute(status -> {
            tickets.search(new TicketQuery(school, null, null, 10)); // the ticket, as it was, in this transaction
            tickets.record(ticket.number(), assignment, TicketStatus.IN_PROGRESS, Priority.P2);
            return tickets.search(new TicketQuery(school, null, null, 10)).get(0);
        });

        assertThat(seen.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(seen.priority()).isEqualTo(Priority.P2);
        assertThat(seen.history()).endsWith(assignment);
        assertThat(jdbc.queryForObject("SELECT assignee FROM ticket WHERE number = ?", String.class, ticket.number()))
                .isEqualTo("Vor-Ort-Team Nord");
    }

    @Test
    void newestOpenFindsOnlyOpenTicketsOfTheSchoolServiceTypeAndRoomInTheWindow() {
        String school = school();
        String otherSchool = school();
        Person anna = people.create(school, "Anna Schmidt", Role.STAFF, "de");
        Person carla = people.create(otherSchool, "Carla Neumann", Role.STAFF, "de");
        newTicket(school, anna, T0.plusSeconds(60));
        Ticket otherRoom = newTicket(school, anna, T0.plusSeconds(90), Map.of("raum", "A 1.01"));
        Ticket newer = newTicket(school, anna, T0.plusSeconds(100));
        Ticket resolved = newTicket(school, anna, T0.plusSeconds(130));
        tickets.record(resolved.number(), new HistoryEntry(HistoryType.STATUS_CHANGE, "Jana", "erledigt",
                TicketStatus.RESOLVED, T0.plusSeconds(140)), TicketStatus.RESOLVED, Priority.P3);
        newTicket(otherSchool, carla, T0.plusSeconds(150));
        Ticket noRoom = newTicket(school, anna, T0.plusSeconds(160), Map.of());

        assertThat(tickets.newestOpen(school, "wlan", RequestType.ANFRAGE, T0, null)).contains(noRoom.number());
        assertThat(tickets.newestOpen(school, "wlan", RequestType.ANFRAGE, T0, "raum b2.11 "))
                .contains(newer.number());
        assertThat(tickets.newestOpen(school, "wlan", RequestType.ANFRAGE, T0, "B 2.11")).contains(newer.number());
        assertThat(tickets.newestOpen(school, "wlan", RequestType.ANFRAGE, T0, "A 1.01"))
                .contains(otherRoom.number());
        assertThat(tickets.newestOpen(school, "wlan", RequestType.ANFRAGE, T0.plusSeconds(61), "B 2.11"))
                .contains(newer.number());
        assertThat(tickets.newestOpen(school, "wlan", RequestType.ANFRAGE, T0.plusSeconds(101), "B 2.11"))
                .isEmpty();
        assertThat(tickets.newestOpen(school, "wlan", RequestType.ANFRAGE, T0, "B 2.12")).isEmpty();
        assertThat(tickets.newestOpen(school, "wlan", RequestType.STOERUNG, T0, null)).isEmpty();
        assertThat(tickets.newestOpen(school, "drucken", RequestType.ANFRAGE, T0, null)).isEmpty();
        assertThat(tickets.newestOpen(otherSchool, "wlan", RequestType.ANFRAGE, T0, "B 2.11")).isPresent();
    }

    @Test
    void searchFiltersBySchoolStatusAndRequesterNewestFirst() {
        String school = school();
        String otherSchool = school();
        Person anna = people.create(school, "Anna Schmidt", Role.STAFF, "de");
        Person ben = people.create(school, "Ben Koch", Role.COORDINATOR, "de");
        Person carla = people.create(otherSchool, "Carla Neumann", Role.STAFF, "de");
        Ticket a1 = newTicket(school, anna, T0);
        Ticket b1 = newTicket(school, ben, T0.plusSeconds(10));
        Ticket a2 = newTicket(school, anna, T0.plusSeconds(20));
        Ticket sameTime = newTicket(school, ben, T0.plusSeconds(20));
        Ticket c1 = newTicket(otherSchool, carla, T0.plusSeconds(30));
        tickets.record(a1.number(), new HistoryEntry(HistoryType.STATUS_CHANGE, "Jana", "erledigt",
                TicketStatus.RESOLVED, T0.plusSeconds(40)), TicketStatus.RESOLVED, Priority.P3);

        assertThat(numbers(new TicketQuery(school, null, null, 50)))
                .containsExactly(sameTime.number(), a2.number(), b1.number(), a1.number());
        assertThat(numbers(new TicketQuery(school, null, anna.id(), 50))).containsExactly(a2.number(), a1.number());
        assertThat(numbers(new TicketQuery(school, TicketStatus.RESOLVED, null, 50))).containsExactly(a1.number());
        assertThat(numbers(new TicketQuery(school, TicketStatus.NEW, anna.id(), 50))).containsExactly(a2.number());
        assertThat(numbers(new TicketQuery(otherSchool, null, null, 50))).containsExactly(c1.number());
        assertThat(numbers(new TicketQuery(otherSchool, null, anna.id(), 50))).isEmpty();
        assertThat(numbers(new TicketQuery(school, null, null, 2))).containsExactly(sameTime.number(), a2.number());
        assertThat(numbers(new TicketQuery(null, null, carla.id(), 50))).containsExactly(c1.number());
        assertThat(tickets.search(new TicketQuery(school, TicketStatus.RESOLVED, null, 50)))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.history()).hasSize(2);
                    assertThat(t.fields()).containsOnlyKeys("raum");
                });
        assertThat(tickets.search(new TicketQuery(null, null, null, 1000)))
                .extracting(Ticket::number).contains(a1.number(), c1.number());
    }

    // --- attachments ---

    @Test
    void attachmentsAreStoredLoadedAndLinkedOnce() {
        byte[] content = bytes(300_000, 7);
        AttachmentRef ref = attachments.store(new Attachment("scan.pdf", "application/pdf", content));

        assertThat(ref.id()).isPositive();
        assertThat(ref.size()).isEqualTo(300_000);
        assertThat(ref.fileName()).isEqualTo("scan.pdf");
        Attachment loaded = attachments.load(ref.id()).orElseThrow();
        assertThat(loaded.content()).isEqualTo(content);
        assertThat(loaded.mimeType()).isEqualTo("application/pdf");
        assertThat(attachments.load(987_654_321L)).isEmpty();

        String school = school();
        Person person = people.create(school, "Anna Schmidt", Role.STAFF, "de");
        Ticket first = newTicket(school, person, T0);
        Ticket second = newTicket(school, person, T0.plusSeconds(1));
        attachments.linkToTicket(List.of(ref.id()), first.number());
        attachments.linkToTicket(List.of(ref.id()), first.number());
        attachments.linkToTicket(List.of(ref.id()), second.number());
        attachments.linkToTicket(List.of(), second.number());

        assertThat(tickets.find(first.number()).orElseThrow().attachments()).containsExactly(ref);
        assertThat(tickets.find(second.number()).orElseThrow().attachments()).isEmpty();
    }

    // --- outbox ---

    @Test
    void deliveringChannelsQueueEachChatInOrderAndPolledOnesQueueNothing() {
        String channel = uniqueId("push");
        ChannelAddress anna = new ChannelAddress(channel, "1001");
        ChannelAddress ben = new ChannelAddress(channel, "1002");
        QueuedMessage anna1 = outbox.append(anna, BotMessage.of("Hallo Anna"));
        QueuedMessage anna2 = outbox.append(anna, BotMessage.of("Ihre Meldung ist eingegangen.",
                List.of(new Option("status", "Status"))));
        QueuedMessage ben1 = outbox.append(ben, BotMessage.of("Hallo Ben"));
        outbox.append(new ChannelAddress("webchat", uniqueId("web")), BotMessage.of("Hallo"));

        assertThat(outbox.nextUndelivered(channel, 10)).containsExactly(anna1, ben1);
        assertThat(outbox.nextUndelivered(channel, 1)).containsExactly(anna1);
        assertThat(outbox.queue(channel)).isEqualTo(new QueueState(3, anna1.at()));
        assertThat(outbox.queue("webchat")).isEqualTo(QueueState.EMPTY);

        outbox.markDelivered(anna1.id(), T0);
        outbox.markDelivered(anna1.id(), T0.plusSeconds(5)); // a repeated report changes nothing

        assertThat(outbox.nextUndelivered(channel, 10)).containsExactly(anna2, ben1);
        assertThat(outbox.nextUndelivered(channel, 10).get(0).message().options())
                .containsExactly(new Option("status", "Status"));
        assertThat(jdbc.queryForObject("SELECT delivered_at FROM outbound_message WHERE id = ?", OffsetDateTime.class,
                anna1.id()).toInstant()).isEqualTo(T0);
        outbox.markDelivered(anna2.id(), T0);
        outbox.markDelivered(ben1.id(), T0);
        assertThat(outbox.nextUndelivered(channel, 10)).isEmpty();
        assertThat(outbox.queue(channel)).isEqualTo(QueueState.EMPTY);
        assertThat(outbox.after(anna, 0, 10)).containsExactly(anna1, anna2);
    }

    @Test
    void outboxReadsOneChatByCursorInOrder() {
        ChannelAddress anna = new ChannelAddress("webchat", uniqueId("anna"));
        ChannelAddress ben = new ChannelAddress("webchat", uniqueId("ben"));
        List<Option> options = List.of(new Option("svc:drucken", "Drucken & Kopieren"),
                new Option("svc:other", "Etwas anderes – „Sonstiges“"));

        QueuedMessage first = outbox.append(anna, BotMessage.of("Hallo Anna! Worum geht es?", options));
        QueuedMessage forBen = outbox.append(ben, BotMessage.of("Hallo Ben"));
        QueuedMessage second = outbox.append(anna, BotMessage.of("Zeile 1\nZeile 2"));
        QueuedMessage third = outbox.append(anna, BotMessage.of("x".repeat(10_000)));

        assertThat(first.id()).isLessThan(second.id());
        assertThat(first.at()).isNotNull();
        assertThat(outbox.after(anna, 0, 10)).containsExactly(first, second, third);
        assertThat(outbox.after(anna, 0, 10).get(0).message().options()).isEqualTo(options);
        assertThat(outbox.after(anna, first.id(), 10)).containsExactly(second, third);
        assertThat(outbox.after(anna, first.id(), 1)).containsExactly(second);
        assertThat(outbox.after(anna, third.id(), 10)).isEmpty();
        assertThat(outbox.after(ben, 0, 10)).containsExactly(forBen);
        assertThat(outbox.after(new ChannelAddress("telegram", anna.id()), 0, 10)).isEmpty();
    }

    /**
     * Two writers to one chat: the first takes its id and commits late. Without the chat lock the second takes the
     * next id and commits at once; a poll then moves the cursor past the first message, which is never seen.
     */
    @Test
    void aMessageCommittedLateIsNeverSkippedByAPollingReader() throws Exception {
        ChannelAddress chat = new ChannelAddress("webchat", uniqueId("late"));
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<QueuedMessage> first = writers.submit(() -> transaction.execute(status -> {
                QueuedMessage message = outbox.append(chat, BotMessage.of("Ihre Meldung SD-2026-00001 ist eingegangen."));
                firstAppended.countDown();
                awaitUninterruptibly(commitFirst);
                return message;
            }));
            assertThat(firstAppended.await(20, TimeUnit.SECONDS)).isTrue();
            Future<QueuedMessage> second = writers.submit(() -> outbox.append(chat, BotMessage.of("Status: In Bearbeitung")));

            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS))
                    .as("the second writer waits for the first one's commit")
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            List<QueuedMessage> firstPoll = outbox.after(chat, 0, 10);
            commitFirst.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS).id()).isLessThan(second.get(20, TimeUnit.SECONDS).id());

            long cursor = firstPoll.isEmpty() ? 0 : firstPoll.get(firstPoll.size() - 1).id();
            List<QueuedMessage> seen = new ArrayList<>(firstPoll);
            seen.addAll(outbox.after(chat, cursor, 10));
            assertThat(seen).extracting(m -> m.message().text())
                    .containsExactly("Ihre Meldung SD-2026-00001 ist eingegangen.", "Status: In Bearbeitung");
        } finally {
            commitFirst.countDown();
            writers.shutdownNow();
        }
    }

    @Test
    void concurrentWritersToOneChatNeverLetAPollerSkipAMessage() throws Exception {
        ChannelAddress chat = new ChannelAddress("webchat", uniqueId("busy"));
        int writers = 4;
        int perWriter = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            // each transaction appends two messages and does a little more work before it commits
            done.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    int n = i;
                    transaction.executeWithoutResult(status -> {
                        outbox.append(chat, BotMessage.of(writer + ":" + n + ":a"));
                        outbox.append(new ChannelAddress("webchat", uniqueId("other")), BotMessage.of("x"));
                        outbox.append(chat, BotMessage.of(writer + ":" + n + ":b"));
                    });
                }
            }));
        }
        List<QueuedMessage> seen = new ArrayList<>();
        long cursor = 0;
        while (!done.stream().allMatch(Future::isDone) || !outbox.after(chat, cursor, 1).isEmpty()) {
            List<QueuedMessage> page = outbox.after(chat, cursor, 7);
            seen.addAll(page);
            if (!page.isEmpty()) {
                cursor = page.get(page.size() - 1).id();
            }
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(seen).hasSize(writers * perWriter * 2);
        assertThat(seen).extracting(QueuedMessage::id).isSorted().doesNotHaveDuplicates();
        // a transaction's two messages stay together: nothing of another writer commits between them
        for (int i = 0; i < seen.size(); i += 2) {
            String a = seen.get(i).message().text();
            assertThat(seen.get(i + 1).message().text()).isEqualTo(a.substring(0, a.length() - 1) + "b");
        }
    }

    /**
     * As many turns as the pool has connections, each already holding one, all write a chat's first message: none
     * may need a second connection, or every one of them waits for the pool until it times out.
     */
    @Test
    void aChatsFirstMessageNeedsNoSecondConnection() throws Exception {
        int connections = ((HikariDataSource) jdbc.getDataSource()).getMaximumPoolSize();
        TransactionTemplate turn = new TransactionTemplate(transactionManager);
        CyclicBarrier allHoldAConnection = new java.util.concurrent.CyclicBarrier(connections);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<QueuedMessage>> turns = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                ChannelAddress chat = new ChannelAddress("webchat", uniqueId("first"));
                turns.add(pool.submit(() -> turn.execute(status -> {
                    jdbc.queryForObject("select count(*) from outbound_chat", Long.class);
                    awaitUninterruptibly(allHoldAConnection);
                    return outbox.append(chat, BotMessage.of("Willkommen!"));
                })));
            }
            for (Future<QueuedMessage> t : turns) {
                assertThat(t.get(20, TimeUnit.SECONDS).message().text()).isEqualTo("Willkommen!");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Many first messages to one new chat at once: the losers of the race to create its row still append. */
    @Test
    void concurrentFirstMessagesToANewChatAllArrive() throws Exception {
        for (int round = 0; round < 5; round++) {
            ChannelAddress chat = new ChannelAddress("telegram", uniqueId("new"));
            TransactionTemplate turn = new TransactionTemplate(transactionManager);
            List<QueuedMessage> appended = inParallel(6, 1, () -> turn.execute(status -> {
                QueuedMessage message = outbox.append(chat, BotMessage.of("Status: In Bearbeitung"));
                jdbc.queryForObject("select count(*) from outbound_message where address = ?", Long.class, chat.id());
                return message;
            }));

            assertThat(appended).hasSize(6);
            assertThat(outbox.after(chat, 0, 10)).extracting(QueuedMessage::id)
                    .containsExactlyElementsOf(appended.stream().map(QueuedMessage::id).sorted().toList());
            assertThat(jdbc.queryForObject("select appended from outbound_chat where channel = ? and address = ?",
                    Long.class, chat.channel(), chat.id())).isEqualTo(6L);
        }
    }

    private static void awaitUninterruptibly(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("not every turn got its connection", e);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- conversations ---

    @Test
    void conversationRoundTripKeepsEveryField() throws Exception {
        ChannelAddress address = new ChannelAddress("telegram", uniqueId("conv"));
        Conversation conversation = Conversation.start("de");
        Draft draft = new Draft();
        set(draft, "description", "Der Beamer in Raum 204 geht nicht an");
        set(draft, "candidates", new ArrayList<>(List.of(new Classification.Candidate("praesentation", 0.71),
                new Classification.Candidate("arbeitsplatz", 0.12))));
        set(draft, "suggestedType", RequestType.STOERUNG);
        set(draft, "serviceId", "praesentation");
        set(draft, "requestType", RequestType.STOERUNG);
        draft.answers().put("raum", "204");
        draft.answers().put("geraet", "Epson EB-1480");
        draft.answers().put("anzeige", "blinkt orange");
        set(draft, "questionIndex", 3);
        set(draft, "impact", Impact.ONE_ROOM);
        set(draft, "urgency", Urgency.BLOCKED_NOW);
        draft.attachments().add(new AttachmentRef(17, "beamer.jpg", "image/jpeg", 123_456));
        set(draft, "fullMenu", true);
        set(draft, "trail", new ArrayList<>(List.of(new Draft.Position(Step.CONFIRM_SERVICE, 0),
                new Draft.Position(Step.QUESTION, 1), new Draft.Position(Step.QUESTION, 2))));
        set(conversation, "step", Step.URGENCY);
        set(conversation, "draft", draft);
        set(conversation, "enrollmentCode", "ABCD-EFGH");
        conversation.offered().add(new Option("urgency:BLOCKED_NOW", "Jetzt blockiert"));
        conversation.offered().add(new Option("back", "Zurück"));
        conversation.replyTo("SD-2026-00042");
        set(conversation, "pendingText", "und noch etwas");
        set(conversation, "updatedAt", T0);
        set(draft, "selfHelpOffered", true);
        set(draft, "groupingChecked", true);
        set(draft, "joinCandidate", "SD-2026-00040");
        set(draft, "resumeAt", 2);
        set(draft, "transcript", new ArrayList<>(List.of("Sie: Beamer geht nicht", "Bot: Passt das?")));
        set(conversation, "awaitingConfirmation", new ArrayList<>(List.of("SD-2026-00041", "SD-2026-00042")));
        set(conversation, "focusTicket", "SD-2026-00041");
        set(conversation, "interrupted", Step.QUESTION);
        set(conversation, "remindedAt", T0.plusSeconds(5));

        conversations.save(address, conversation);
        Conversation loaded = anotherInstance().load(address).orElseThrow(); // from the row, not from the cache

        assertThat(loaded).usingRecursiveComparison().isEqualTo(conversation);
        assertThat(loaded.draft().answers().keySet()).containsExactly("raum", "geraet", "anzeige");
        assertThat(loaded.step()).isEqualTo(Step.URGENCY);
        assertThat(loaded.updatedAt()).isEqualTo(T0);
        // The engine keeps changing the loaded state.
        loaded.offered().add(new Option("x", "y"));
        loaded.draft().attachments().add(new AttachmentRef(18, "b.png", "image/png", 1));
        loaded.draft().answers().put("neu", "wert");

        set(loaded, "step", Step.SUMMARY);
        conversations.save(address, loaded);
        assertThat(anotherInstance().load(address).orElseThrow()).usingRecursiveComparison().isEqualTo(loaded);
        assertThat(conversations.load(new ChannelAddress("telegram", "nobody"))).isEmpty();
    }

    @Test
    void unfinishedIntakesAreFoundByLastActivity() throws Exception {
        Instant now = Instant.parse("2031-01-01T10:00:00Z");
        ChannelAddress silent = new ChannelAddress("webchat", uniqueId("silent"));
        ChannelAddress recent = new ChannelAddress("webchat", uniqueId("recent"));
        ChannelAddress idle = new ChannelAddress("webchat", uniqueId("idle"));
        for (ChannelAddress address : List.of(silent, recent, idle)) {
            Conversation conversation = Conversation.start("de");
            if (address != idle) {
                set(conversation, "step", Step.QUESTION);
                Draft draft = new Draft();
                set(draft, "description", "Beamer kaputt");
                set(conversation, "draft", draft);
            }
            set(conversation, "updatedAt", address == recent ? now.minusSeconds(60) : now.minusSeconds(3600));
            conversations.save(address, conversation);
        }

        List<ChannelAddress> found = conversations.unfinishedSince(now.minusSeconds(1800), 1000);

        assertThat(found).contains(silent).doesNotContain(recent, idle);
        Conversation finished = conversations.load(silent).orElseThrow();
        set(finished, "step", Step.IDLE);
        set(finished, "draft", null);
        conversations.save(silent, finished);
        assertThat(conversations.unfinishedSince(now.minusSeconds(1800), 1000)).doesNotContain(silent);
    }

    // --- subscriptions ---

    @Test
    void subscribersAreStoredOncePerPersonInJoiningOrderWithTheirChat() {
        String school = school();
        Person anna = people.create(school, "Anna Schmidt", Role.STAFF, "de");
        Person bert = people.create(school, "Bert Brandt", Role.STAFF, "en");
        Person cleo = people.create(school, "Cleo Conrad", Role.STAFF, "de");
        Ticket ticket = newTicket(school, anna, T0);
        Ticket other = newTicket(school, anna, T0);
        Subscriber viaTelegram = new Subscriber(bert.id(), bert.name(), new ChannelAddress("telegram", "4711"),
                T0.plusNanos(1_500));
        Subscriber viaWebChat = new Subscriber(cleo.id(), cleo.name(), new ChannelAddress("webchat", "s-1"),
                T0.plusSeconds(60));

        assertThat(subscriptions.add(ticket.number(), viaTelegram)).isTrue();
        assertThat(subscriptions.add(ticket.number(), viaWebChat)).isTrue();
        assertThat(subscriptions.add(ticket.number(), new Subscriber(bert.id(), bert.name(),
                new ChannelAddress("webchat", "s-2"), T0.plusSeconds(90)))).isFalse();

        assertThat(subscriptions.of(ticket.number())).containsExactly(
                new Subscriber(bert.id(), "Bert Brandt", new ChannelAddress("telegram", "4711"), T0.plusNanos(1_000)),
                viaWebChat);
        assertThat(subscriptions.isSubscribed(ticket.number(), cleo.id())).isTrue();
        assertThat(subscriptions.isSubscribed(ticket.number(), anna.id())).isFalse();
        assertThat(subscriptions.of(other.number())).isEmpty();
        assertThat(subscriptions.isSubscribed(other.number(), cleo.id())).isFalse();
        assertThat(subscriptions.add(other.number(), viaWebChat)).isTrue();
        assertThat(subscriptions.joinedBy(cleo.id(), 10)).containsExactly(other.number(), ticket.number());
        assertThat(subscriptions.joinedBy(cleo.id(), 1)).containsExactly(other.number());
        assertThat(subscriptions.joinedBy(anna.id(), 10)).isEmpty();

        HistoryEntry rating = new HistoryEntry(HistoryType.RATING, "Bert Brandt", "4", null, T0.plusSeconds(120));
        assertThat(tickets.record(ticket.number(), rating, TicketStatus.CLOSED, Priority.P3).history()).endsWith(rating);
        assertThat(tickets.find(ticket.number()).orElseThrow().history()).endsWith(rating);
    }

    @Test
    void stateOfAnOlderVersionStillLoads() {
        ChannelAddress address = new ChannelAddress("matrix", uniqueId("@old:example.de"));
        jdbc.update("INSERT INTO conversation (channel, external_id, state, updated_at, version) VALUES (?, ?, ?, ?, 0)",
                address.channel(), address.id(), """
                        {"step":"IDLE","language":"de","removedLongAgo":{"x":1},"draft":{"description":"alt",
                        "obsolete":true}}""".getBytes(StandardCharsets.UTF_8), Timestamp.from(T0));

        Conversation loaded = conversations.load(address).orElseThrow();

        assertThat(loaded.step()).isEqualTo(Step.IDLE);
        assertThat(loaded.language()).isEqualTo("de");
        assertThat(loaded.offered()).isEmpty();
        assertThat(loaded.draft().description()).isEqualTo("alt");
        assertThat(loaded.draft().answers()).isEmpty();
        assertThat(loaded.draft().attachments()).isEmpty();
    }

    @Test
    void aConcurrentChangeFailsTheOlderSave() {
        ChannelAddress address = new ChannelAddress("webchat", uniqueId("race"));
        conversations.save(address, Conversation.start("de"));
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate concurrent = new TransactionTemplate(transactionManager);
        concurrent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            Conversation mine = conversations.load(address).orElseThrow();
            concurrent.executeWithoutResult(other -> {
                Conversation theirs = conversations.load(address).orElseThrow();
                theirs.replyTo("SD-2026-00001");
                conversations.save(address, theirs);
            });
            mine.replyTo("SD-2026-00002");
            conversations.save(address, mine);
        })).isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(conversations.load(address).orElseThrow().replyTo()).isEqualTo("SD-2026-00001");
    }

    @Test
    void theStateCommittedLastIsUsedAgainWhileNobodyElseChangedTheRow() {
        ChannelAddress address = new ChannelAddress("webchat", uniqueId("cached"));
        Conversation first = turn(address, started -> started.replyTo("SD-2026-00007"));

        Conversation second = turn(address, loaded -> {
            assertThat(loaded).isSameAs(first);
            loaded.replyTo("SD-2026-00008");
        });

        assertThat(conversations.load(address).orElseThrow()).isSameAs(second);
    }

    @Test
    void aConversationChangedByAnotherInstanceIsReadFromTheRow() {
        ChannelAddress address = new ChannelAddress("webchat", uniqueId("elsewhere"));
        Conversation mine = turn(address, started -> { }); // kept by this store: only the row's version tells
        JpaConversationStore other = anotherInstance();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Conversation theirs = other.load(address).orElseThrow();
            theirs.replyTo("SD-2026-00009");
            other.save(address, theirs);
        });

        Conversation loaded = conversations.load(address).orElseThrow();

        assertThat(loaded).isNotSameAs(mine);
        assertThat(loaded.replyTo()).isEqualTo("SD-2026-00009");
    }

    @Test
    void aRolledBackChangeIsNotServedLater() {
        ChannelAddress address = new ChannelAddress("webchat", uniqueId("rollback"));
        turn(address, started -> started.replyTo("SD-2026-00010"));

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Conversation loaded = conversations.load(address).orElseThrow();
            loaded.replyTo("SD-2026-00011"); // changed in memory and saved, then the turn fails
            conversations.save(address, loaded);
            status.setRollbackOnly();
        });

        assertThat(conversations.load(address).orElseThrow().replyTo()).isEqualTo("SD-2026-00010");
    }

    @Test
    void aConversationDeletedAndStartedAgainIsNotTakenForTheOldOne() {
        ChannelAddress address = new ChannelAddress("webchat", uniqueId("restart"));
        turn(address, started -> started.replyTo("SD-2026-00012")); // kept at version 0
        jdbc.update("delete from conversation where channel = ? and external_id = ?", address.channel(), address.id());
        Conversation restarted = Conversation.start("en");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            JpaConversationStore other = anotherInstance();
            assertThat(other.load(address)).isEmpty();
            other.save(address, restarted); // version 0 again, like the old row
        });

        Conversation loaded = conversations.load(address).orElseThrow();

        assertThat(loaded.replyTo()).isNull();
        assertThat(loaded.language()).isEqualTo("en");
    }

    /** Loads (or starts) and saves in one transaction as a dialog turn does, so this store keeps the state. */
    private Conversation turn(ChannelAddress address, Consumer<Conversation> change) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            Conversation conversation = conversations.load(address).orElseGet(() -> Conversation.start("de"));
            change.accept(conversation);
            conversations.save(address, conversation);
            return conversation;
        });
    }

    /** A store as a second app instance has it: same database, its own memory. */
    private JpaConversationStore anotherInstance() {
        return new JpaConversationStore(conversationRepository, jdbc, clock);
    }

    // --- helpers ---

    private String school() {
        String id = uniqueId("school");
        schools.save(new School(id, "Schule " + id, null));
        return id;
    }

    private Ticket newTicket(String school, Person requester, Instant at) {
        return newTicket(school, requester, at, Map.of("raum", "B 2.11"));
    }

    private Ticket newTicket(String school, Person requester, Instant at, Map<String, String> fields) {
        NewTicket draft = new NewTicket(school, new Requester(requester.id(), requester.name(),
                new ChannelAddress("webchat", "s-" + requester.id())), "wlan", RequestType.ANFRAGE, Priority.P3,
                "WLAN-Zugang für Referendarin", "Bitte einen WLAN-Zugang einrichten.", fields, List.of());
        String number = String.format("SD-2026-%05d", tickets.nextSequence(2026));
        return tickets.insert(number, draft, at);
    }

    private List<String> numbers(TicketQuery query) {
        return tickets.search(query).stream().map(Ticket::number).toList();
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** Runs the task threads x times per thread, all threads released at once; returns every result. */
    private static <T> List<T> inParallel(int threads, int times, Callable<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    List<T> results = new ArrayList<>();
                    for (int i = 0; i < times; i++) {
                        results.add(task.call());
                    }
                    return results;
                }));
            }
            start.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                all.addAll(future.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            executor.shutdownNow();
        }
    }
}
