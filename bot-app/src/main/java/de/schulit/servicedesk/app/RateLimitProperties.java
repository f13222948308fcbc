package de.schulit.servicedesk.app;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code servicedesk.rate-limit.*}: how much one chat, one client address and one channel may ask of the bot.
 * Counts live in memory (per app instance); a restart starts them afresh.
 */
@Validated
@ConfigurationProperties("servicedesk.rate-limit")
record RateLimitProperties(
        /* Messages one chat identity may send per minute, on every channel; more are not processed. */
        @Min(1) @Max(10_000) @DefaultValue("20") int messagesPerMinute,
        /*
         * Web chat sessions one client IP address may open per minute (429 beyond). A whole school usually reaches
         * us through one address (NAT), and at a staff meeting many colleagues open the chat at once.
         */
        @Min(1) @Max(10_000) @DefaultValue("60") int sessionsPerMinute,
        /* Wrong enrollment codes one chat identity may send per window before codes are not checked at all. */
        @Min(1) @Max(1_000) @DefaultValue("5") int enrollmentAttemptsPerChat,
        /* Wrong enrollment codes all chats of one channel together may send per window. */
        @Min(1) @Max(100_000) @DefaultValue("50") int enrollmentAttemptsPerChannel,
        @NotNull @DefaultValue("15m") Duration enrollmentWindow) {
}
