package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.DeliveryAttemptOutcome;
import dev.orchwiz.api.hook.command.RecordHookDeliveryAttempt;
import dev.orchwiz.api.hook.query.DueDeliveries;
import dev.orchwiz.api.hook.query.DueDelivery;
import dev.orchwiz.api.hook.query.FindDueDeliveries;
import dev.orchwiz.command.hook.delivery.AttemptResult;
import dev.orchwiz.command.hook.delivery.DeliveryRequest;
import dev.orchwiz.command.hook.delivery.RetrySchedule;
import dev.orchwiz.command.hook.delivery.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due webhook attempts: signed the Standard Webhooks way, target checked at delivery time, each attempt
 * recorded, retried with exponential backoff and dead-lettered after the last one. Due work lives in the read model,
 * so nothing is lost when the node stops between attempts.
 */
@Component
@EnableConfigurationProperties(HookProperties.class)
class HookDeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(HookDeliveryWorker.class);
    private static final int BATCH = 20;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final HookSecrets secrets;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Random jitter = new Random();

    HookDeliveryWorker(QueryGateway queries, CommandGateway commands, HookSecrets secrets, HookProperties properties) {
        this.queries = queries;
        this.commands = commands;
        this.secrets = secrets;
        this.sender = new WebhookSender(properties.targetPolicy(), Clock.systemUTC());
        this.schedule =
                new RetrySchedule(properties.maxAttempts(), properties.retryInitialDelay(), 4.0, Duration.ofHours(1));
    }

    @Scheduled(fixedDelayString = "${orchwiz.hooks.poll-interval:PT1S}", initialDelayString = "PT3S")
    void deliverDueAttempts() {
        DueDeliveries due;
        try {
            due = queries.query(
                            new FindDueDeliveries(Instant.now(), BATCH), ResponseTypes.instanceOf(DueDeliveries.class))
                    .join();
        } catch (RuntimeException unavailable) {
            // The database may be away (restarting, or the node shutting down); the next round tries again.
            log.debug("deliveries not checked: {}", unavailable.getMessage());
            return;
        }
        for (DueDelivery delivery : due.deliveries()) {
            try {
                attempt(delivery);
            } catch (RuntimeException failed) {
                log.warn("delivery {} could not be attempted: {}", delivery.deliveryId(), failed.getMessage());
            }
        }
    }

    private void attempt(DueDelivery delivery) {
        Optional<String> secret = secrets.secretOf(delivery.hookId());
        AttemptResult result;
        if (secret.isEmpty()) {
            result = new AttemptResult(
                    dev.orchwiz.command.hook.delivery.AttemptOutcome.REFUSED,
                    null,
                    Duration.ZERO,
                    "the hook has no signing secret on this node",
                    null);
        } else {
            int timeout =
                    delivery.timeoutSeconds() == null ? HookRules.DEFAULT_TIMEOUT_SECONDS : delivery.timeoutSeconds();
            result = sender.send(new DeliveryRequest(
                    URI.create(delivery.url()),
                    delivery.webhookId(),
                    delivery.body().getBytes(StandardCharsets.UTF_8),
                    secret.get(),
                    Duration.ofSeconds(Math.min(timeout, 60))));
        }
        DeliveryAttemptOutcome outcome =
                DeliveryAttemptOutcome.valueOf(result.outcome().name());
        Instant next = outcome == DeliveryAttemptOutcome.FAILED
                ? schedule.delayAfter(delivery.seriesAttempt(), jitter)
                        .map(delay -> Instant.now().plus(delay))
                        .orElse(null)
                : null;
        commands.sendAndWait(new RecordHookDeliveryAttempt(
                delivery.deliveryId(),
                delivery.attempt(),
                outcome,
                result.responseCode(),
                result.duration().toMillis(),
                result.error(),
                next));
    }
}
