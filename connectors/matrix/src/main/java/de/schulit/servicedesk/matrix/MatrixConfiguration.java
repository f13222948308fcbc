package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.catalog.ServiceCatalog;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Leadership;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.school.Schools;
import de.schulit.servicedesk.ticket.Attachments;
import de.schulit.servicedesk.ticket.TicketDesk;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Matrix channel, switched on by {@code servicedesk.matrix.enabled=true}; without it nothing of Matrix is created.
 * With {@code agent-room-id} set, the agents' room bridge is registered with the {@link TicketDesk}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("servicedesk.matrix.enabled")
@EnableConfigurationProperties(MatrixProperties.class)
class MatrixConfiguration {

    /** The module's own mapper: Matrix JSON is read as it is, independent of the web API's settings. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    MatrixClient matrixClient(MatrixProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token = properties.accessToken() == null ? null : properties.accessToken().strip();
        return new MatrixClient(http, properties.apiRoot(), token, JSON);
    }

    @Bean
    MatrixStore matrixStore(JdbcClient jdbc) {
        return new MatrixStore(jdbc, JSON);
    }

    @Bean
    MatrixDispatcher matrixDispatcher(Outbox outbox, Attachments attachments, MatrixStore store, MatrixClient client,
                                      PlatformTransactionManager transactions, Clock clock, ChannelMetrics metrics) {
        metrics.watchQueue(MatrixInboundMapper.CHANNEL, outbox);
        return new MatrixDispatcher(outbox, attachments, store, client, new MatrixOutboundMapper(JSON),
                new TransactionTemplate(transactions), clock, MatrixDispatcher.Settings.defaults(), metrics);
    }

    @Bean
    MatrixEventProcessor matrixEventProcessor(MatrixProperties properties, MatrixStore store, MatrixClient client,
                                              MatrixDispatcher dispatcher, TicketDesk desk, Schools schools,
                                              ServiceCatalog catalog, ChatGateway gateway, Outbox outbox, People people,
                                              Messages messages, PlatformTransactionManager transactions, Clock clock) {
        AgentRoomBridge bridge = null;
        if (properties.hasAgentRoom()) {
            bridge = new AgentRoomBridge(properties.agentRoomId(), store, desk, schools, catalog, messages, clock,
                    properties.agentPowerLevel());
            desk.addListener(bridge::on);
        }
        return new MatrixEventProcessor(properties, store, client, bridge, gateway, outbox, people, messages,
                new TransactionTemplate(transactions), clock, dispatcher::nudge, JSON);
    }

    @Bean
    MatrixSync matrixSync(MatrixProperties properties, MatrixClient client, MatrixStore store, Schools schools,
                          MatrixEventProcessor processor, PlatformTransactionManager transactions, Clock clock,
                          ChannelMetrics metrics) {
        return new MatrixSync(properties, client, store, schools, new TransactionTemplate(transactions), clock,
                processor::nudge, JSON, metrics);
    }

    @Bean
    MatrixConnector matrixConnector(MatrixEventProcessor processor, MatrixDispatcher dispatcher, MatrixSync sync,
                                    Leadership leadership) {
        return new MatrixConnector(processor, dispatcher, sync, leadership);
    }

    @Bean
    MatrixHealthIndicator matrixHealthIndicator(MatrixConnector connector, MatrixProperties properties,
                                                ChannelMetrics metrics, Outbox outbox, Clock clock) {
        return new MatrixHealthIndicator(connector, properties, metrics, outbox, clock);
    }

    @Bean
    MatrixRecords matrixRecords(MatrixStore store, MatrixProperties properties) {
        return new MatrixRecords(store, properties.agentRoomId());
    }
}
