package de.schulit.servicedesk.telegram;

import de.schulit.servicedesk.channel.StoredInputWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.QueuedMessage;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.testing.InMemoryStores.InMemoryPeople;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * The update processor on a real (H2) database: a dialog turn and the "processed" mark commit together, so a crash
 * or a failing turn is repeated exactly once, never twice, also by the next processor after a restart; after
 * {@link StoredInputWorker#ATTEMPTS} failures the user gets the apology. Attachments that are too large, of the
 * wrong type or gone get the friendly replies and never reach the dialog.
 */
class TelegramUpdateProcessorTests {

    static final long CHAT = 4711001;
    static final long MAX_BYTES = 1000;
    static final ObjectMapper JSON = new ObjectMapper();

    /** Stands for a crash of the app in the middle of a dialog turn: nothing catches it, the thread just dies. */
    static final class Crash extends Error {
        Crash() {
            super("the app went down in the middle of a turn", null, false, false);
        }
    }

    /** What the dialog would do, in the database and therefore in the turn's transaction. */
    interface Turn {
        void run(Inbound inbound, int attempt);
    }

    FakeTelegramServer telegram;
    OkHttpClient http;
    OkHttpTelegramClient client;
    DataSource dataSource;
    JdbcClient jdbc;
    TelegramUpdateStore store;
    TelegramDispatcherTests.ListOutbox outbox;
    final Messages messages = new Messages();
    final List<TelegramUpdateProcessor> processors = new ArrayList<>();
    final List<Inbound> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        telegram = new FakeTelegramServer();
        http = new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(5, TimeUnit.SECONDS).build();
        client = new OkHttpTelegramClient(http, FakeTelegramServer.TOKEN, TelegramConnector.telegramUrl(telegram.baseUrl()));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:processor" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource = h2;
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE telegram_update (update_id BIGINT NOT NULL PRIMARY KEY, payload TEXT NOT NULL, "
                + "received_at TIMESTAMP WITH TIME ZONE NOT NULL, processed_at TIMESTAMP WITH TIME ZONE)").update();
        jdbc.sql("CREATE TABLE ticket (id IDENTITY PRIMARY KEY, description VARCHAR(200) NOT NULL)").update();
        jdbc.sql("CREATE TABLE reply (id IDENTITY PRIMARY KEY, text VARCHAR(200) NOT NULL)").update();
        store = new TelegramUpdateStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        outbox = new TelegramDispatcherTests.ListOutbox();
    }

    @AfterEach
    void tearDown() {
        processors.forEach(TelegramUpdateProcessor::stop);
        telegram.close();
        http.dispatcher().executorService().shutdown();
    }

    /** A processor like the app's: each turn writes a ticket and a reply row, then may fail as the test says. */
    TelegramUpdateProcessor processor(Turn turn) {
        AtomicInteger attempts = new AtomicInteger();
        ChatGateway gateway = inbound -> {
            received.add(inbound);
            jdbc.sql("INSERT INTO ticket (description) VALUES (:d)").param("d", String.valueOf(inbound.text())).update();
            jdbc.sql("INSERT INTO reply (text) VALUES (:t)").param("t", "Danke: " + inbound.text()).update();
            turn.run(inbound, attempts.incrementAndGet());
            return List.<QueuedMessage>of();
        };
        var files = new TelegramFiles(client, HttpClient.newHttpClient(), telegram.baseUrl(), FakeTelegramServer.TOKEN,
                MAX_BYTES);
        var processor = new TelegramUpdateProcessor(store, new TelegramInboundMapper(), files, client, gateway, outbox,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC(), () -> { },
                MAX_BYTES, messages, new InMemoryPeople());
        processors.add(processor);
        return processor;
    }

    /** Stores an update the way the poll loop or the webhook does (the user wrote it; Telegram delivered it). */
    long delivered(long updateId, String text) {
        store.store(updateId, FakeTelegramServer.textUpdateJson((int) updateId, CHAT, text), Instant.now());
        return updateId;
    }

    /** Takes the updates the fake server holds (as getUpdates would) and stores them. */
    void storeWhatTelegramHolds() throws Exception {
        var getUpdates = org.telegram.telegrambots.meta.api.methods.updates.GetUpdates.builder().timeout(0).build();
        for (var update : client.execute(getUpdates)) {
            store.store(update.getUpdateId(), JSON.writeValueAsString(update), Instant.now());
        }
    }

    List<String> tickets() {
        return jdbc.sql("SELECT description FROM ticket ORDER BY id").query(String.class).list();
    }

    long replies() {
        return jdbc.sql("SELECT COUNT(*) FROM reply").query(Long.class).single();
    }

    long unprocessed() {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_update WHERE processed_at IS NULL").query(Long.class).single();
    }

    List<String> outboxTexts() {
        return outbox.after(new ChannelAddress("telegram", Long.toString(CHAT)), 0, 100).stream()
                .map(m -> m.message().text()).toList();
    }

    String text(String key, Object... args) {
        return messages.text(Messages.GERMAN, key, args);
    }

    // --- exactly once across a crash and a restart -------------------------------------------------------------

    @Test
    void aTurnInterruptedByACrashAndUpdatesLeftBehindRunExactlyOnceAfterTheRestart() throws Exception {
        delivered(1001, "eins");
        delivered(1002, "zwei");
        delivered(1003, "drei");
        CountDownLatch crashed = new CountDownLatch(1);
        TelegramUpdateProcessor first = processor((inbound, attempt) -> {
            if (inbound.text().equals("zwei")) {
                crashed.countDown();
                throw new Crash(); // after the turn wrote its ticket and reply, before the commit
            }
        });
        Thread.UncaughtExceptionHandler quiet = (thread, e) -> { };
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(quiet);
        try {
            first.start();
            assertThat(crashed.await(10, TimeUnit.SECONDS)).isTrue();
            first.stop(); // the thread is gone already; the app is down
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(store.isProcessed(1001)).isTrue();
        assertThat(store.isProcessed(1002)).isFalse();
        assertThat(store.isProcessed(1003)).isFalse();
        assertThat(tickets()).containsExactly("eins"); // the crashed turn left nothing behind

        // while the app is down, Telegram redelivers the unconfirmed 1002 and 1003 and a new message arrives
        assertThat(store.store(1002, FakeTelegramServer.textUpdateJson(1002, CHAT, "zwei"), Instant.now())).isFalse();
        assertThat(store.store(1003, FakeTelegramServer.textUpdateJson(1003, CHAT, "drei"), Instant.now())).isFalse();
        delivered(1004, "vier");

        // the app starts again: a new processor on the same database
        TelegramUpdateProcessor second = processor((inbound, attempt) -> { });
        second.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> unprocessed() == 0);
        assertThat(tickets()).containsExactly("eins", "zwei", "drei", "vier");
        assertThat(replies()).isEqualTo(4);

        // one more redelivery after the restart changes nothing
        assertThat(store.store(1004, FakeTelegramServer.textUpdateJson(1004, CHAT, "vier"), Instant.now())).isFalse();
        delivered(1005, "fünf");
        second.nudge();
        await().atMost(Duration.ofSeconds(10)).until(() -> store.isProcessed(1005));
        assertThat(tickets()).containsExactly("eins", "zwei", "drei", "vier", "fünf");
        assertThat(received).extracting(Inbound::text).containsExactly("eins", "zwei", "zwei", "drei", "vier", "fünf");
    }

    @Test
    void updatesStoredButNotProcessedWhenTheProcessorStopsAreProcessedOnceByTheNextOne() throws Exception {
        for (int i = 1; i <= 5; i++) {
            telegram.userSends(CHAT, "Nachricht " + i);
        }
        storeWhatTelegramHolds(); // stored (and so confirmable) while the app was still up, but never processed
        TelegramUpdateProcessor first = processor((inbound, attempt) -> { });
        first.stop();
        assertThat(unprocessed()).isEqualTo(5);

        TelegramUpdateProcessor second = processor((inbound, attempt) -> { });
        second.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> unprocessed() == 0);
        storeWhatTelegramHolds(); // the same batch once more, as after a crash before the offset was confirmed
        second.nudge();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> unprocessed() == 0);
        assertThat(tickets()).containsExactly("Nachricht 1", "Nachricht 2", "Nachricht 3", "Nachricht 4", "Nachricht 5");
        assertThat(replies()).isEqualTo(5);
    }

    // --- a failing turn is rolled back and retried ---------------------------------------------------------------

    @Test
    void aTurnThatFailsInsideTheTransactionIsRolledBackAndRetriedSoItTakesEffectOnce() {
        delivered(2001, "Der Beamer in Raum 12 geht nicht");
        delivered(2002, "Danke");
        processor((inbound, attempt) -> {
            if (attempt == 1) {
                throw new IllegalStateException("deadlock detected"); // after writing ticket and reply
            }
        }).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> unprocessed() == 0);
        assertThat(tickets()).containsExactly("Der Beamer in Raum 12 geht nicht", "Danke");
        assertThat(replies()).isEqualTo(2);
        assertThat(received).extracting(Inbound::text)
                .containsExactly("Der Beamer in Raum 12 geht nicht", "Der Beamer in Raum 12 geht nicht", "Danke");
        assertThat(outboxTexts()).isEmpty(); // no apology: the retry worked
    }

    @Test
    void afterTheConfiguredNumberOfFailuresTheUserGetsTheApologyAndTheNextUpdatesGoOn() {
        delivered(3001, "kaputt");
        delivered(3002, "weiter");
        AtomicInteger failures = new AtomicInteger();
        processor((inbound, attempt) -> {
            if (inbound.text().equals("kaputt")) {
                failures.incrementAndGet();
                throw new IllegalStateException("always fails");
            }
        }).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> unprocessed() == 0);
        assertThat(failures).hasValue(StoredInputWorker.ATTEMPTS);
        assertThat(outboxTexts()).containsExactly(text("channel.inputFailed"));
        assertThat(tickets()).containsExactly("weiter"); // the failed turns left nothing behind
        assertThat(replies()).isEqualTo(1);
    }

    // --- attachments -----------------------------------------------------------------------------------------------

    static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    /** Lets a processor work on what the fake server holds and waits until all of it is processed. */
    void processAll() throws Exception {
        storeWhatTelegramHolds();
        TelegramUpdateProcessor processor = processor((inbound, attempt) -> { });
        processor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> unprocessed() == 0);
    }

    @Test
    void aTooLargePhotoGetsTheFriendlyReplyAndNothingIsStored() throws Exception {
        telegram.userSendsPhoto(CHAT, jpeg((int) MAX_BYTES + 1), "So sieht es aus");
        processAll();
        assertThat(outboxTexts()).containsExactly(text("channel.attachmentTooLarge", 1));
        assertThat(outboxTexts().get(0)).contains("zu groß").contains("1 MB");
        assertThat(received).isEmpty();
        assertThat(tickets()).isEmpty();
        assertThat(telegram.calls()).doesNotContain("file");
    }

    @Test
    void aDocumentLargerThanItsMessageClaimedIsRefusedWhenGetFileTellsTheRealSize() throws Exception {
        telegram.userSendsDocument(CHAT, "scan.pdf", "application/pdf",
                ("%PDF-1.7\n" + "x".repeat((int) MAX_BYTES)).getBytes(StandardCharsets.US_ASCII), 500L);
        processAll();
        assertThat(outboxTexts()).containsExactly(text("channel.attachmentTooLarge", 1));
        assertThat(received).isEmpty();
        assertThat(telegram.calls()).contains("getFile").doesNotContain("file");
    }

    @Test
    void aDownloadOfUnknownSizeIsCutOffAtTheLimit() throws Exception {
        telegram.userSendsDocument(CHAT, "gross.pdf", "application/pdf",
                ("%PDF-1.7\n" + "x".repeat((int) MAX_BYTES)).getBytes(StandardCharsets.US_ASCII), 500L);
        telegram.hideFileSize("documents/gross.pdf");
        processAll();
        assertThat(outboxTexts()).containsExactly(text("channel.attachmentTooLarge", 1));
        assertThat(telegram.calls()).contains("file");
        assertThat(received).isEmpty();
        assertThat(tickets()).isEmpty();
    }

    @Test
    void aDownloadOfUnknownSizeWithinTheLimitIsAccepted() throws Exception {
        byte[] pdf = ("%PDF-1.7\n" + "x".repeat((int) MAX_BYTES - 9)).getBytes(StandardCharsets.US_ASCII);
        telegram.userSendsDocument(CHAT, "genau.pdf", "application/pdf", pdf, null);
        telegram.hideFileSize("documents/genau.pdf");
        processAll();
        assertThat(outboxTexts()).isEmpty();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).attachment().content()).hasSize((int) MAX_BYTES);
        assertThat(received.get(0).attachment().fileName()).isEqualTo("genau.pdf");
    }

    @Test
    void wrongFileTypesGetTheFriendlyReplyAndNothingIsStored() throws Exception {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        telegram.userSendsDocument(CHAT, "drucker-treiber.exe", "application/x-msdownload", exe, null);
        telegram.userSendsDocument(CHAT, "notizen.txt", "text/plain", "Raum 12".getBytes(StandardCharsets.UTF_8), null);
        // claims to be a PDF, but its first bytes show a program
        telegram.userSendsDocument(CHAT, "rechnung.pdf", "application/pdf", exe, null);
        processAll();
        assertThat(outboxTexts()).containsExactly(text("channel.attachmentWrongType"), text("channel.attachmentWrongType"),
                text("channel.attachmentWrongType"));
        assertThat(received).isEmpty();
        assertThat(tickets()).isEmpty();
        assertThat(telegram.calls().stream().filter("file"::equals)).hasSize(1); // only the one that claimed PDF
    }

    @Test
    void aFileThatIsGoneGetsTheUnavailableReply() throws Exception {
        telegram.userSendsDocument(CHAT, "weg.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), null);
        telegram.fileGone("documents/weg.pdf"); // getFile names it, the download answers 404
        processAll();
        assertThat(outboxTexts()).containsExactly(text("channel.attachmentUnavailable"));
        assertThat(telegram.calls()).contains("getFile", "file");
        assertThat(received).isEmpty();
        assertThat(tickets()).isEmpty();
    }

    @Test
    void anAcceptedPhotoReachesTheDialogAsAnAttachment() throws Exception {
        telegram.userSendsPhoto(CHAT, jpeg(200), "Display");
        processAll();
        assertThat(outboxTexts()).isEmpty();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).attachment().mimeType()).isEqualTo("image/jpeg");
        assertThat(received.get(0).attachment().content()).hasSize(200);
    }
}
