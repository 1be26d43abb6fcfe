package dev.orchwiz.projection.forwarding;

import dev.orchwiz.api.forwarding.event.ForwardingSourceDisabled;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRegistered;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRemoved;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRepinned;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code forwarding_source}, which the inbox reads to verify every inbound request: subscribing, so a source
 * is trusted (or no longer) the moment the admin's command commits.
 */
@Component
@ProcessingGroup(ForwardingSourceProjector.PROCESSING_GROUP)
class ForwardingSourceProjector {

    static final String PROCESSING_GROUP = "forwarding-sources";

    private final JdbcTemplate jdbc;

    ForwardingSourceProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            ForwardingSourceRegistered event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into forwarding_source
                    (id, node_id, name, kind, credential, enabled, created_at, version, pull_url)
                values (?, ?, ?, ?, ?, true, ?, ?, ?) on conflict (id) do nothing""",
                event.sourceId().value(),
                event.nodeId(),
                event.name(),
                event.kind().name(),
                event.credential(),
                Timestamp.from(at),
                sequence,
                event.pullUrl());
    }

    @EventHandler
    void on(ForwardingSourceRepinned event, @SequenceNumber long sequence) {
        jdbc.update(
                """
                update forwarding_source set previous_credential = credential, previous_valid_until = ?,
                    credential = ?, version = ?
                where id = ?""",
                Timestamp.from(event.previousValidUntil()),
                event.publicKey(),
                sequence,
                event.sourceId().value());
    }

    @EventHandler
    void on(ForwardingSourceDisabled event, @SequenceNumber long sequence) {
        jdbc.update(
                "update forwarding_source set enabled = false, version = ? where id = ? and version < ?",
                sequence,
                event.sourceId().value(),
                sequence);
    }

    @EventHandler
    void on(ForwardingSourceRemoved event) {
        jdbc.update(
                "delete from forwarding_source where id = ?", event.sourceId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from forwarding_source");
    }
}
