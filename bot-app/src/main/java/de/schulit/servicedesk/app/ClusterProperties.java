package de.schulit.servicedesk.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code servicedesk.cluster.lease}: how long a leader's lock (see {@link LeaseLeadership}) stays valid without
 * renewal. It is renewed every third of it, so another instance takes over at most {@code lease * 4/3} after the
 * leader died. Shorter means faster takeover and more database writes.
 */
@ConfigurationProperties("servicedesk.cluster")
public record ClusterProperties(@DefaultValue("15s") Duration lease) {

    public ClusterProperties {
        if (lease.compareTo(Duration.ofSeconds(3)) < 0 || lease.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("servicedesk.cluster.lease must be between 3s and 5m, was " + lease);
        }
    }

    Duration renewEvery() {
        return lease.dividedBy(3);
    }
}
