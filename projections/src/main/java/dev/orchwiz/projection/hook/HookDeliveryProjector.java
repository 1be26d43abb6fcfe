package dev.orchwiz.projection.hook;

import dev.orchwiz.api.hook.DeliveryStatus;
import dev.orchwiz.api.hook.event.HookDeliveryAttempted;
import dev.orchwiz.api.hook.event.HookDeliveryDeadLettered;
import dev.orchwiz.api.hook.event.HookDeliveryRetryScheduled;
import dev.orchwiz.api.hook.event.HookDeliveryScheduled;
import dev.orchwiz.api.hook.event.HookDeliverySucceeded;
import dev.orchwiz.api.hook.event.HookRedeliveryRequested;
import dev.orchwiz.api.hook.query.DeliveryAttemptView;
import dev.orchwiz.api.identity.OwnerMetaData;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.VersionedRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Fills {@code hook_delivery}: the delivery log, and the queue the delivery worker takes due attempts from. */
@Component
@ProcessingGroup(HookDeliveryProjector.PROCESSING_GROUP)
class HookDeliveryProjector {

    static final String PROCESSING_GROUP = "hook-deliveries";

    private final NamedParameterJdbcTemplate jdbc;
    private final VersionedRows rows;

    HookDeliveryProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new VersionedRows(jdbc, "hook_delivery");
    }

    @EventHandler
    void on(HookDeliveryScheduled event, @MetaDataValue(OwnerMetaData.KEY) String ownerId) {
        rows.insert(
                """
                (id, hook_id, owner_id, webhook_id, tool_call_id, event, body, status, next_attempt_at, created_at)
                values (:id, :hook, :owner, :webhookId, :toolCall, :event, :body, 'PENDING', :due, :due)""",
                new MapSqlParameterSource()
                        .addValue("id", event.deliveryId().value())
                        .addValue("hook", event.hookId().value())
                        .addValue("owner", ownerId)
                        .addValue("webhookId", event.webhookId())
                        .addValue("toolCall", Columns.uuid(event.toolCallId()))
                        .addValue("event", event.eventType())
                        .addValue("body", event.body())
                        .addValue("due", Timestamp.from(event.dueAt())));
    }

    @EventHandler
    void on(HookDeliveryAttempted event) {
        DeliveryAttemptView attempt = new DeliveryAttemptView(
                event.attempt(), event.at(), event.outcome(), event.responseCode(), event.durationMs(), event.error());
        jdbc.update(
                """
                update hook_delivery set attempts = attempts || cast(:attempt as jsonb), attempt_count = :number
                where id = :id and attempt_count < :number
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.deliveryId().value())
                        .addValue("attempt", Jsonb.write(List.of(attempt)))
                        .addValue("number", event.attempt()));
    }

    @EventHandler
    void on(HookDeliverySucceeded event) {
        status(event.deliveryId().value(), DeliveryStatus.DELIVERED, null);
    }

    @EventHandler
    void on(HookDeliveryRetryScheduled event) {
        status(event.deliveryId().value(), DeliveryStatus.RETRYING, event.nextAttemptAt());
    }

    @EventHandler
    void on(HookDeliveryDeadLettered event) {
        status(event.deliveryId().value(), DeliveryStatus.DEAD_LETTERED, null);
    }

    @EventHandler
    void on(HookRedeliveryRequested event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update hook_delivery set status = 'PENDING', next_attempt_at = :at, series_start = attempt_count where id = :id",
                new MapSqlParameterSource()
                        .addValue("id", event.deliveryId().value())
                        .addValue("at", Timestamp.from(at)));
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    private void status(java.util.UUID id, DeliveryStatus status, Instant next) {
        jdbc.update(
                "update hook_delivery set status = :status, next_attempt_at = :next where id = :id",
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("status", status.name())
                        .addValue("next", next == null ? null : Timestamp.from(next)));
    }
}
