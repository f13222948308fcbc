package de.schulit.servicedesk.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Leadership;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram channel's lifecycle. At start: the update processor and the dispatcher run; in the background the
 * commands are registered (German and English) and then long polling is started or the webhook is set, retried
 * with backoff until Telegram answers, so the app (and the web chat) starts even while Telegram is unreachable.
 * Long polling stores every update inside {@code consume} before returning: the library confirms a batch only when
 * it asks for the next one, so only stored updates are ever confirmed. At stop: polling ends, the threads finish.
 * All of this runs only while this instance leads the role {@value #ROLE} ({@link Leadership}): with several
 * instances on one database exactly one polls, processes stored updates and sends; the webhook endpoint stores
 * updates on every instance.
 */
final class TelegramConnector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramConnector.class);
    static final String ROLE = "telegram";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);

    static final List<BotCommand> COMMANDS_DE = List.of(
            new BotCommand("start", "Anmelden mit dem Code Ihrer Schule"),
            new BotCommand("neu", "Neue Meldung an den IT-Servicedesk"),
            new BotCommand("status", "Stand eines Tickets, z. B. /status SD-2026-00001"),
            new BotCommand("tickets", "Ihre Tickets"),
            new BotCommand("hilfe", "Was ich kann"),
            new BotCommand("abbrechen", "Die laufende Meldung abbrechen"),
            new BotCommand("datenschutz", "Hinweise zum Datenschutz"),
            new BotCommand("meine_daten", "Ihre gespeicherten Daten anzeigen"),
            new BotCommand("daten_loeschen", "Ihre Daten löschen"));
    static final List<BotCommand> COMMANDS_EN = List.of(
            new BotCommand("start", "Sign in with your school's code"),
            new BotCommand("new", "Report something to the IT service desk"),
            new BotCommand("status", "Status of a ticket, e.g. /status SD-2026-00001"),
            new BotCommand("tickets", "Your tickets"),
            new BotCommand("help", "What I can do"),
            new BotCommand("cancel", "Cancel the current report"),
            new BotCommand("privacy", "Privacy notice"),
            new BotCommand("my_data", "Show your stored data"),
            new BotCommand("delete_data", "Erase your data"));

    private final TelegramProperties properties;
    private final TelegramClient client;
    private final TelegramUpdateStore store;
    private final TelegramUpdateProcessor processor;
    private final TelegramDispatcher dispatcher;
    private final Clock clock;
    private final ChannelMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();
    private final Runnable releaseClient;
    private final Leadership leadership;

    private Leadership.Role role;
    private volatile boolean running;
    private volatile boolean connected;
    private final Object pollLock = new Object();
    private Thread startup;
    private TelegramBotsLongPollingApplication polling;
    private ScheduledExecutorService pollExecutor;
    private OkHttpClient pollHttp;

    TelegramConnector(TelegramProperties properties, TelegramClient client, TelegramUpdateStore store,
                      TelegramUpdateProcessor processor, TelegramDispatcher dispatcher, Clock clock,
                      ChannelMetrics metrics, Leadership leadership, Runnable releaseClient) {
        this.metrics = metrics;
        this.leadership = leadership;
        this.releaseClient = releaseClient;
        this.properties = properties;
        this.client = client;
        this.store = store;
        this.processor = processor;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (role == null) {
            role = leadership.whileLeader(ROLE, this::startWork, this::stopWork);
        }
    }

    /** Not synchronized: closing the role waits for {@link #startWork()} or {@link #stopWork()} to finish. */
    @Override
    public void stop() {
        if (role != null) {
            role.close();
            role = null;
            releaseClient.run();
        }
    }

    @Override
    public boolean isRunning() {
        return role != null;
    }

    private synchronized void startWork() {
        if (running) {
            return;
        }
        running = true;
        processor.start();
        dispatcher.start();
        startup = new Thread(this::connect, "telegram-startup");
        startup.setDaemon(true);
        startup.start();
    }

    private synchronized void stopWork() {
        running = false;
        stopPolling(); // cancels a registration in flight, too
        if (startup != null) {
            startup.interrupt();
            join(startup);
            startup = null;
        }
        stopPolling();
        processor.stop();
        dispatcher.stop();
        connected = false;
    }

    /** True once polling runs or the webhook is set. */
    boolean isConnected() {
        return connected;
    }

    private void connect() {
        retry("setMyCommands", 3, this::registerCommands);
        boolean done = retry(properties.mode() == TelegramProperties.Mode.WEBHOOK ? "setWebhook" : "start long polling",
                Integer.MAX_VALUE, properties.mode() == TelegramProperties.Mode.WEBHOOK ? this::setWebhook : this::startPolling);
        connected = done && running;
        if (connected) {
            metrics.contacted(TelegramDispatcher.CHANNEL);
            log.info("Telegram channel connected ({})", properties.mode() == TelegramProperties.Mode.WEBHOOK
                    ? "webhook " + properties.webhookUrl() : "long polling");
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs the step until it succeeds, the attempts are used up or the connector stops. */
    private boolean retry(String what, int attempts, Step step) {
        Duration wait = FIRST_RETRY;
        for (int attempt = 1; running; attempt++) {
            try {
                step.run();
                return true;
            } catch (Exception e) {
                if (attempt >= attempts) {
                    log.warn("Telegram {} failed {} times, giving up: {}", what, attempt, e.getMessage());
                    return false;
                }
                log.warn("Telegram {} failed (attempt {}), retrying in {} s: {}", what, attempt, wait.toSeconds(),
                        e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    return false;
                }
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
            }
        }
        return false;
    }

    private void registerCommands() throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(COMMANDS_DE).scope(new BotCommandScopeAllPrivateChats()).build());
        client.execute(SetMyCommands.builder().commands(COMMANDS_DE).scope(new BotCommandScopeAllPrivateChats())
                .languageCode("de").build());
        client.execute(SetMyCommands.builder().commands(COMMANDS_EN).scope(new BotCommandScopeAllPrivateChats())
                .languageCode("en").build());
    }

    private void setWebhook() throws TelegramApiException {
        Boolean set = client.execute(SetWebhook.builder()
                .url(properties.webhookUrl())
                .secretToken(properties.webhookSecret())
                .allowedUpdates(TelegramInboundMapper.ALLOWED_UPDATES)
                .dropPendingUpdates(false)
                .build());
        if (!Boolean.TRUE.equals(set)) {
            throw new TelegramApiException("setWebhook answered " + set);
        }
    }

    private void startPolling() throws Exception {
        int timeout = (int) properties.pollTimeout().toSeconds();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(timeout + 20L, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .addInterceptor(chain -> {
                    okhttp3.Response response = chain.proceed(chain.request());
                    if (response.isSuccessful()) {
                        metrics.contacted(TelegramDispatcher.CHANNEL); // every answered long poll, empty ones too
                    }
                    return response;
                })
                .build();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telegram-poll");
            thread.setDaemon(true);
            return thread;
        });
        TelegramBotsLongPollingApplication application =
                new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> executor);
        synchronized (pollLock) {
            if (!running) {
                executor.shutdownNow();
                return;
            }
            polling = application;
            pollExecutor = executor;
            pollHttp = http;
        }
        TelegramUrl url = telegramUrl(properties.baseUrl());
        try {
            // registerBot calls deleteWebhook once and throws at once if that fails: the retry loop covers it.
            application.registerBot(properties.token(), () -> url,
                    last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(timeout)
                            .allowedUpdates(TelegramInboundMapper.ALLOWED_UPDATES).build(),
                    this::consume);
        } catch (Exception e) {
            stopPolling();
            throw e;
        }
        if (!running) {
            stopPolling();
        }
    }

    /**
     * Called by the poll thread with a batch; stores every update before returning. Never throws (an exception
     * would end the library's poll task for good); if the database fails it keeps trying, so the batch stays
     * unconfirmed until it is stored or the app stops.
     */
    void consume(List<Update> updates) {
        for (Update update : updates) {
            long wait = 200;
            while (true) {
                try {
                    store.store(update.getUpdateId(), json.writeValueAsString(update), clock.instant());
                    break;
                } catch (Exception e) {
                    log.warn("Storing Telegram update {} failed, retrying: {}", update.getUpdateId(), e.toString());
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException interrupted) {
                        return; // stopping: the poll task is cancelled, nothing more is confirmed
                    }
                    wait = Math.min(wait * 2, 10_000);
                }
            }
        }
        processor.nudge();
    }

    private void stopPolling() {
        TelegramBotsLongPollingApplication polling;
        ScheduledExecutorService pollExecutor;
        OkHttpClient pollHttp;
        synchronized (pollLock) {
            polling = this.polling;
            pollExecutor = this.pollExecutor;
            pollHttp = this.pollHttp;
            this.polling = null;
            this.pollExecutor = null;
            this.pollHttp = null;
        }
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.debug("Closing the long polling failed", e);
            }
        }
        if (pollHttp != null) {
            pollHttp.dispatcher().cancelAll();
        }
        if (pollExecutor != null) {
            pollExecutor.shutdownNow();
            try {
                pollExecutor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pollHttp != null) {
            pollHttp.dispatcher().executorService().shutdown();
            pollHttp.connectionPool().evictAll();
        }
    }

    static TelegramUrl telegramUrl(String baseUrl) {
        URI uri = URI.create(baseUrl.trim());
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new TelegramUrl(uri.getScheme().toLowerCase(), uri.getHost(), port, false);
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
