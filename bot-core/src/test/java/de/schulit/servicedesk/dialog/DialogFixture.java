package de.schulit.servicedesk.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.catalog.CatalogLoader;
import de.schulit.servicedesk.catalog.ServiceCatalog;
import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.identity.Enrollment;
import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.testing.InMemoryStores;
import de.schulit.servicedesk.testing.MutableClock;
import de.schulit.servicedesk.ticket.TicketDesk;
import java.nio.file.Path;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dialog engine wired to in-memory ports, and a small script language for conversations. */
final class DialogFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Thursday 2026-11-26, 10:00 in Berlin: within business hours. */
    static final Instant THURSDAY_MORNING = Instant.parse("2026-11-26T09:00:00Z");
    static final LocalDate HOLIDAY = LocalDate.of(2026, 12, 24);
    static final Duration GROUPING_WINDOW = Duration.ofHours(4);

    final MutableClock clock = new MutableClock(THURSDAY_MORNING);
    final InMemoryStores stores = new InMemoryStores(clock);
    final Map<String, Classification> classifications = new HashMap<>();
    final List<String> classified = new ArrayList<>();
    final ServiceCatalog catalog;
    final Messages messages = new Messages();
    final BusinessHours hours = new BusinessHours(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(7, 0), LocalTime.of(15, 0), Set.of(HOLIDAY));
    final Enrollment enrollment = new Enrollment(stores.codes, stores.people, clock);
    final TicketDesk desk = new TicketDesk(stores.tickets, stores.subscriptions, clock, BERLIN, "SD");
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Classifier classifier = text -> {
        classified.add(text);
        return classifications.getOrDefault(text, Classification.unknown());
    };
    final DialogEngine engine;

    DialogFixture() {
        this("src/test/resources/test-catalog.yml");
    }

    DialogFixture(String catalogFile) {
        catalog = CatalogLoader.load(Path.of(catalogFile));
        engine = new DialogEngine(catalog, classifier, stores.people, stores.schools, enrollment, desk,
                stores.attachments, stores.conversations, messages, hours, clock,
                new DialogEngine.Settings("0331 289-3111", 4000, Messages.GERMAN, GROUPING_WINDOW),
                new DialogMetrics(meters), stores.personalData);
        stores.schools.save(new School("gs-park", "Grundschule am Park", null));
        stores.schools.save(new School("gym-mitte", "Gymnasium Mitte", null));
        desk.addListener(new RequesterNotifier(stores.outbox, stores.people, stores.conversations, messages,
                stores.subscriptions));
    }

    /** A chat identity and the last replies it got. */
    final class Chat {
        final ChannelAddress address;
        List<BotMessage> replies = List.of();

        Chat(ChannelAddress address) {
            this.address = address;
        }

        Chat says(String text) {
            replies = engine.handle(Inbound.text(address, text, clock.instant()));
            return this;
        }

        Chat presses(String optionId) {
            replies = engine.handle(Inbound.option(address, optionId, clock.instant()));
            return this;
        }

        String text() {
            return String.join("\n", replies.stream().map(BotMessage::text).toList());
        }

        List<String> optionIds() {
            return replies.isEmpty() ? List.of() : replies.get(replies.size() - 1).options().stream().map(Option::id).toList();
        }

        Step step() {
            return stores.conversations.load(address).orElseThrow().step();
        }

        Chat expect(String fragment) {
            assertThat(text()).contains(fragment);
            return this;
        }

        Chat doesNotExpect(String fragment) {
            assertThat(text()).doesNotContain(fragment);
            return this;
        }
    }

    Chat chat(String id) {
        return new Chat(new ChannelAddress("test", id));
    }

    Chat chat(ChannelAddress address) {
        return new Chat(address);
    }

    /** A chat already enrolled for the school with the role. */
    Chat enrolled(String id, String name, String schoolId, Role role) {
        String code = enrollment.issue(schoolId, role, 5, 7).code();
        Chat chat = chat(id).says("/start " + code).says(name);
        assertThat(chat.text()).contains("Willkommen, " + name);
        return chat;
    }

    void classify(String text, String serviceId, de.schulit.servicedesk.catalog.RequestType type) {
        classify(text, serviceId, type, "de");
    }

    void classify(String text, String serviceId, de.schulit.servicedesk.catalog.RequestType type, String language) {
        classifications.put(text, new Classification(serviceId, type, 0.9,
                List.of(new Classification.Candidate(serviceId, 0.9)), false, language));
    }

    /** The messages the chat got outside its own turns (notifications, reminders), oldest first. */
    List<BotMessage> notifications(Chat chat) {
        return stores.outbox.after(chat.address, 0, 1000).stream().map(q -> q.message()).toList();
    }
}
