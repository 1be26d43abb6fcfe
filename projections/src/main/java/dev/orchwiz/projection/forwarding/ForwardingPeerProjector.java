package dev.orchwiz.projection.forwarding;

import dev.orchwiz.api.forwarding.event.ForwardingPeerPaused;
import dev.orchwiz.api.forwarding.event.ForwardingPeerRegistered;
import dev.orchwiz.api.forwarding.event.ForwardingPeerRemoved;
import dev.orchwiz.api.forwarding.event.ForwardingPeerReset;
import dev.orchwiz.api.forwarding.event.ForwardingPeerResumed;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code forwarding_peer}, which the outboxes read to know whom to send to: subscribing, so a pause, a reset or
 * a removal reaches the outbox the moment the admin's command commits.
 */
@Component
@ProcessingGroup(ForwardingPeerProjector.PROCESSING_GROUP)
class ForwardingPeerProjector {

    static final String PROCESSING_GROUP = "forwarding-peers";

    private final JdbcTemplate jdbc;

    ForwardingPeerProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            ForwardingPeerRegistered event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into forwarding_peer
                    (id, url, node_id, public_key, event_types, redaction, paused, reset_count, reset_position,
                     created_at, version)
                values (?, ?, ?, ?, ?, ?, false, 0, 0, ?, ?) on conflict (id) do nothing""",
                event.peerId().value(),
                event.url(),
                event.nodeId(),
                event.publicKey(),
                event.eventTypes().toArray(String[]::new),
                event.redaction().name(),
                Timestamp.from(at),
                sequence);
    }

    @EventHandler
    void on(ForwardingPeerPaused event, @SequenceNumber long sequence) {
        paused(event.peerId().value(), true, sequence);
    }

    @EventHandler
    void on(ForwardingPeerResumed event, @SequenceNumber long sequence) {
        paused(event.peerId().value(), false, sequence);
    }

    @EventHandler
    void on(ForwardingPeerReset event, @SequenceNumber long sequence) {
        jdbc.update(
                "update forwarding_peer set reset_count = ?, reset_position = ?, version = ? where id = ? and version < ?",
                event.resetCount(),
                event.position(),
                sequence,
                event.peerId().value(),
                sequence);
    }

    @EventHandler
    void on(ForwardingPeerRemoved event) {
        jdbc.update("delete from forwarding_peer where id = ?", event.peerId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from forwarding_peer");
    }

    private void paused(Object id, boolean paused, long sequence) {
        jdbc.update(
                "update forwarding_peer set paused = ?, version = ? where id = ? and version < ?",
                paused,
                sequence,
                id,
                sequence);
    }
}
