package dev.orchwiz.command.hook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.orchwiz.api.hook.DeliveryAttemptOutcome;
import dev.orchwiz.api.hook.DeliveryStatus;
import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.command.RecordHookDeliveryAttempt;
import dev.orchwiz.api.hook.command.RedeliverHookDelivery;
import dev.orchwiz.api.hook.command.ScheduleHookDelivery;
import dev.orchwiz.api.hook.event.HookDeliveryAttempted;
import dev.orchwiz.api.hook.event.HookDeliveryDeadLettered;
import dev.orchwiz.api.hook.event.HookDeliveryRetryScheduled;
import dev.orchwiz.api.hook.event.HookDeliveryScheduled;
import dev.orchwiz.api.hook.event.HookDeliverySucceeded;
import dev.orchwiz.api.hook.event.HookRedeliveryRequested;
import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.OwnerMetaData;
import dev.orchwiz.command.ownership.Owned;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One event on its way to one webhook, across all attempts. It keeps the attempt count honest (an attempt recorded
 * twice, e.g. by two nodes, counts once), decides retry or dead letter, and lets the owner send it again by hand.
 */
@Aggregate
class HookDelivery {

    static final int ERROR_LIMIT = 1_000;

    @AggregateIdentifier
    private HookDeliveryId deliveryId;

    private HookId hookId;
    private UserId ownerId;
    private DeliveryStatus status;
    private int attempts;

    HookDelivery() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    HookDelivery(ScheduleHookDelivery command) {
        // The webhook-id stays the same across retries and redeliveries: receivers use it to drop duplicates.
        String webhookId = "msg_" + command.deliveryId().value().toString().replace("-", "");
        apply(
                new HookDeliveryScheduled(
                        command.deliveryId(),
                        command.hookId(),
                        command.toolCallId(),
                        webhookId,
                        command.eventType(),
                        command.body(),
                        GenericEventMessage.clock.instant()),
                Owned.by(command.ownerId()));
    }

    @CommandHandler
    void handle(RecordHookDeliveryAttempt command) {
        if (command.attempt() != attempts + 1
                || status == DeliveryStatus.DELIVERED
                || status == DeliveryStatus.DEAD_LETTERED) {
            return;
        }
        Instant at = GenericEventMessage.clock.instant();
        String error = command.error() == null || command.error().length() <= ERROR_LIMIT
                ? command.error()
                : cut(command.error(), ERROR_LIMIT - 1) + "…";
        applyOwned(new HookDeliveryAttempted(
                deliveryId,
                hookId,
                command.attempt(),
                command.outcome(),
                command.responseCode(),
                command.durationMs(),
                error,
                at));
        if (command.outcome() == DeliveryAttemptOutcome.DELIVERED) {
            applyOwned(new HookDeliverySucceeded(deliveryId, hookId, command.attempt()));
        } else if (command.outcome() == DeliveryAttemptOutcome.FAILED && command.nextAttemptAt() != null) {
            applyOwned(new HookDeliveryRetryScheduled(deliveryId, hookId, command.nextAttemptAt()));
        } else {
            String reason = command.outcome() == DeliveryAttemptOutcome.REFUSED
                    ? "The target was refused: " + error
                    : "Gave up after " + command.attempt() + " attempts";
            applyOwned(new HookDeliveryDeadLettered(deliveryId, hookId, command.attempt(), reason));
        }
    }

    @CommandHandler
    void handle(RedeliverHookDelivery command) {
        if (!command.actor().mayAccess(ownerId)) {
            throw new HookRefusal(HookError.DELIVERY_NOT_FOUND, "No delivery " + deliveryId);
        }
        if (status == DeliveryStatus.PENDING || status == DeliveryStatus.RETRYING) {
            throw new HookRefusal(
                    HookError.DELIVERY_IN_PROGRESS, "This delivery is still being tried; wait for it to finish");
        }
        applyOwned(
                new HookRedeliveryRequested(deliveryId, hookId, command.actor().id()));
    }

    private void applyOwned(Object event) {
        apply(event, Owned.by(ownerId));
    }

    @EventSourcingHandler
    void on(HookDeliveryScheduled event, org.axonframework.messaging.MetaData metaData) {
        deliveryId = event.deliveryId();
        hookId = event.hookId();
        ownerId = UserId.of(String.valueOf(metaData.get(OwnerMetaData.KEY)));
        status = DeliveryStatus.PENDING;
    }

    @EventSourcingHandler
    void on(HookDeliveryAttempted event) {
        attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(HookDeliverySucceeded event) {
        status = DeliveryStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(HookDeliveryRetryScheduled event) {
        status = DeliveryStatus.RETRYING;
    }

    @EventSourcingHandler
    void on(HookDeliveryDeadLettered event) {
        status = DeliveryStatus.DEAD_LETTERED;
    }

    @EventSourcingHandler
    void on(HookRedeliveryRequested event) {
        // A redelivery starts a fresh series of attempts under the same webhook-id; numbering goes on.
        status = DeliveryStatus.PENDING;
    }

    /** The first {@code length} chars, one fewer where the cut would split a surrogate pair (half an emoji). */
    static String cut(String text, int length) {
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
