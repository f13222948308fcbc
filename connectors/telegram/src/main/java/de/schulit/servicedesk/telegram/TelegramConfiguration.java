package de.schulit.servicedesk.telegram;

import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.Leadership;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.identity.People;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram channel, switched on by {@code servicedesk.telegram.enabled=true}; without it nothing of Telegram is
 * created and the app runs without the channel.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("servicedesk.telegram.enabled")
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

    /** The HTTP client for everything but long polling: no silent retry of a POST, so every resend is ours. */
    @Bean(destroyMethod = "")
    OkHttpClient telegramHttpClient() {
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    @Bean
    TelegramClient telegramClient(OkHttpClient telegramHttpClient, TelegramProperties properties) {
        return new OkHttpTelegramClient(telegramHttpClient, properties.token(), TelegramConnector.telegramUrl(properties.baseUrl()));
    }

    @Bean
    TelegramUpdateStore telegramUpdateStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new TelegramUpdateStore(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    TelegramDispatcher telegramDispatcher(Outbox outbox, TelegramClient telegramClient, Clock clock,
                                          ChannelMetrics metrics) {
        metrics.watchQueue(TelegramDispatcher.CHANNEL, outbox);
        return new TelegramDispatcher(outbox, telegramClient, new TelegramOutboundMapper(), clock,
                TelegramDispatcher.Settings.defaults(), metrics);
    }

    @Bean
    TelegramHealthIndicator telegramHealthIndicator(TelegramConnector connector, TelegramProperties properties,
                                                    ChannelMetrics metrics, Outbox outbox, Clock clock) {
        return new TelegramHealthIndicator(connector, properties, metrics, outbox, clock);
    }

    @Bean
    TelegramUpdateProcessor telegramUpdateProcessor(TelegramUpdateStore store, TelegramClient telegramClient,
                                                    TelegramProperties properties, ChatGateway gateway, Outbox outbox,
                                                    PlatformTransactionManager transactions, Clock clock,
                                                    TelegramDispatcher dispatcher, Messages messages, People people) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        TelegramFiles files = new TelegramFiles(telegramClient, http, properties.apiRoot(), properties.token(),
                properties.maxAttachmentBytes());
        return new TelegramUpdateProcessor(store, new TelegramInboundMapper(), files, telegramClient, gateway, outbox,
                new TransactionTemplate(transactions), clock, dispatcher::nudge, properties.maxAttachmentBytes(), messages,
                people);
    }

    @Bean
    TelegramConnector telegramConnector(TelegramProperties properties, TelegramClient telegramClient,
                                        TelegramUpdateStore store, TelegramUpdateProcessor processor,
                                        TelegramDispatcher dispatcher, Clock clock, OkHttpClient telegramHttpClient,
                                        ChannelMetrics metrics, Leadership leadership) {
        return new TelegramConnector(properties, telegramClient, store, processor, dispatcher, clock, metrics, leadership,
                () -> {
                    telegramHttpClient.dispatcher().executorService().shutdown();
                    telegramHttpClient.connectionPool().evictAll();
                });
    }
}
