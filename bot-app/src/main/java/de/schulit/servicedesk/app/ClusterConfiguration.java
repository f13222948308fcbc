package de.schulit.servicedesk.app;

import de.schulit.servicedesk.channel.Leadership;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Several instances on one database: locks in the {@code shedlock} table (Flyway V6). {@code @Scheduled} jobs
 * annotated with {@code @SchedulerLock(name = ...)} run on one instance per run; connectors gate their exclusive
 * work with {@link Leadership}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ClusterConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime() // one clock for all instances: the database's
                .withLockedByValue(instanceName()) // unique, so an instance can never renew another one's lock
                .build());
    }

    @Bean
    LeaseLeadership leadership(LockProvider lockProvider, ClusterProperties properties, Clock clock) {
        return new LeaseLeadership(lockProvider, properties, clock);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
