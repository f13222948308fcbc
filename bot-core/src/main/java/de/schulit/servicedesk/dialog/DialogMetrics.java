package de.schulit.servicedesk.dialog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the dialog does to the number and quality of tickets: reports grouped into an open ticket, self-help that
 * made a ticket unnecessary, solutions confirmed or rejected (the reopen rate is reopened / (reopened + confirmed)),
 * and ratings.
 */
public final class DialogMetrics {

    private final MeterRegistry registry;
    private final Counter reopened;
    private final Counter confirmed;
    private final DistributionSummary ratings;

    public DialogMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reopened = Counter.builder("servicedesk.tickets.reopened")
                .description("Resolved tickets the requester said were not solved").register(registry);
        this.confirmed = Counter.builder("servicedesk.tickets.confirmed")
                .description("Resolved tickets the requester confirmed as solved").register(registry);
        this.ratings = DistributionSummary.builder("servicedesk.tickets.ratings")
                .description("Ratings 1-5 given after a confirmed solution").minimumExpectedValue(1.0)
                .maximumExpectedValue(5.0).register(registry);
    }

    void grouped(String serviceId) {
        registry.counter("servicedesk.tickets.grouped", "service", serviceId).increment();
    }

    void selfHelpOffered(String serviceId) {
        registry.counter("servicedesk.selfhelp.offered", "service", serviceId).increment();
    }

    void deflected(String serviceId) {
        registry.counter("servicedesk.selfhelp.deflections", "service", serviceId).increment();
    }

    void reopened() {
        reopened.increment();
    }

    void confirmed() {
        confirmed.increment();
    }

    void rated(int rating) {
        ratings.record(rating);
    }
}
