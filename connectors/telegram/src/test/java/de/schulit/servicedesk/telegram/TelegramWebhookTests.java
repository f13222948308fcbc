package de.schulit.servicedesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.schulit.servicedesk.api.ApiErrorAdvice;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.Inbound;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The webhook endpoint: the secret guards it, updates are stored before the 200, a replayed update runs once. */
class TelegramWebhookTests {

    static final String SECRET = "webhook-secret-for-the-tests_0123";

    FakeTelegramServer telegram;
    TelegramUpdateStore store;
    TelegramUpdateProcessor processor;
    MockMvc mvc;
    JdbcClient jdbc;
    final List<Inbound> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        telegram = new FakeTelegramServer();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:webhook" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE telegram_update (update_id BIGINT NOT NULL PRIMARY KEY, payload TEXT NOT NULL, "
                + "received_at TIMESTAMP WITH TIME ZONE NOT NULL, processed_at TIMESTAMP WITH TIME ZONE)").update();
        store = new TelegramUpdateStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        var client = new OkHttpTelegramClient(new OkHttpClient(), FakeTelegramServer.TOKEN,
                TelegramConnector.telegramUrl(telegram.baseUrl()));
        var outbox = new TelegramDispatcherTests.ListOutbox();
        ChatGateway gateway = inbound -> {
            received.add(inbound);
            return List.of();
        };
        var files = new TelegramFiles(client, HttpClient.newHttpClient(), telegram.baseUrl(), FakeTelegramServer.TOKEN, 1000);
        processor = new TelegramUpdateProcessor(store, new TelegramInboundMapper(), files, client, gateway, outbox,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC(), () -> { }, 1000,
                new de.schulit.servicedesk.dialog.Messages(), new de.schulit.servicedesk.testing.InMemoryStores.InMemoryPeople());
        var properties = new TelegramProperties(true, FakeTelegramServer.TOKEN, telegram.baseUrl(),
                TelegramProperties.Mode.WEBHOOK, "https://bot.example.org/api/telegram/webhook", SECRET,
                org.springframework.util.unit.DataSize.ofMegabytes(10), Duration.ofSeconds(50));
        mvc = MockMvcBuilders.standaloneSetup(new TelegramWebhookController(properties, store, processor, Clock.systemUTC()))
                .setControllerAdvice(new ApiErrorAdvice()).build();
    }

    @AfterEach
    void tearDown() {
        processor.stop();
        telegram.close();
    }

    long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_update").query(Long.class).single();
    }

    @Test
    void aMissingOrWrongSecretIs401AndNothingIsStored() throws Exception {
        String update = FakeTelegramServer.textUpdateJson(5001, 4711001, "Hallo");
        mvc.perform(post(TelegramProperties.WEBHOOK_PATH).contentType(MediaType.APPLICATION_JSON).content(update))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").exists());
        mvc.perform(post(TelegramProperties.WEBHOOK_PATH).contentType(MediaType.APPLICATION_JSON).content(update)
                        .header(TelegramWebhookController.SECRET_HEADER, SECRET + "x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(TelegramProperties.WEBHOOK_PATH).contentType(MediaType.APPLICATION_JSON).content(update)
                        .header(TelegramWebhookController.SECRET_HEADER, ""))
                .andExpect(status().isUnauthorized());
        assertThat(stored()).isZero();
    }

    @Test
    void somethingThatIsNoUpdateIs400() throws Exception {
        mvc.perform(post(TelegramProperties.WEBHOOK_PATH).contentType(MediaType.APPLICATION_JSON).content("{\"x\":1}")
                        .header(TelegramWebhookController.SECRET_HEADER, SECRET))
                .andExpect(status().isBadRequest());
        assertThat(stored()).isZero();
    }

    @Test
    void aReplayedUpdateIsProcessedOnce() throws Exception {
        String update = FakeTelegramServer.textUpdateJson(5002, 4711001, "Der Beamer geht nicht");
        for (int i = 0; i < 3; i++) {
            mvc.perform(post(TelegramProperties.WEBHOOK_PATH).contentType(MediaType.APPLICATION_JSON).content(update)
                            .header(TelegramWebhookController.SECRET_HEADER, SECRET))
                    .andExpect(status().isOk());
        }
        assertThat(stored()).isEqualTo(1);
        processor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> store.isProcessed(5002));
        mvc.perform(post(TelegramProperties.WEBHOOK_PATH).contentType(MediaType.APPLICATION_JSON).content(update)
                        .header(TelegramWebhookController.SECRET_HEADER, SECRET))
                .andExpect(status().isOk());
        processor.nudge();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> received.size() == 1);
        assertThat(received.get(0).text()).isEqualTo("Der Beamer geht nicht");
    }

    @Test
    void namesOfUsersAndChatsAreNotStoredButTheUpdateStillWorks() throws Exception {
        String update = FakeTelegramServer.textUpdateJson(5003, 4711002, "Anna Schmidt aus Raum 2.14: Beamer defekt");
        assertThat(update).contains("\"first_name\":\"Anna\"").contains("\"last_name\":\"Schmidt\"");
        mvc.perform(post(TelegramProperties.WEBHOOK_PATH).contentType(MediaType.APPLICATION_JSON).content(update)
                        .header(TelegramWebhookController.SECRET_HEADER, SECRET))
                .andExpect(status().isOk());

        String payload = jdbc.sql("SELECT payload FROM telegram_update WHERE update_id = 5003").query(String.class).single();
        assertThat(payload).doesNotContain("Anna\"", "Schmidt\"", "last_name", "username")
                .contains("\"first_name\":\"\"", "\"id\":4711002", "\"is_bot\":false", "\"type\":\"private\"",
                        "Anna Schmidt aus Raum 2.14: Beamer defekt");
        processor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> store.isProcessed(5003));
        assertThat(received).singleElement().satisfies(inbound -> {
            assertThat(inbound.from().id()).isEqualTo("4711002");
            assertThat(inbound.text()).isEqualTo("Anna Schmidt aus Raum 2.14: Beamer defekt");
        });
    }
}
