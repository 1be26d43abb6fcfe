package dev.orchwiz.projection.forwarding;

import dev.orchwiz.api.forwarding.event.NodeKeyMade;
import dev.orchwiz.api.forwarding.event.NodeKeyRevoked;
import dev.orchwiz.api.forwarding.event.NodeKeyRotated;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Fills {@code node_key} with the public halves of this node's keys and their state. */
@Component
@ProcessingGroup(NodeKeyProjector.PROCESSING_GROUP)
class NodeKeyProjector {

    static final String PROCESSING_GROUP = "node-keys";

    private static final String INSERT = """
            insert into node_key (key_id, node_id, public_key, status, created_at) values (?, ?, ?, 'CURRENT', ?)
            on conflict (key_id) do nothing""";

    private final JdbcTemplate jdbc;

    NodeKeyProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NodeKeyMade event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(INSERT, event.keyId(), event.nodeId(), event.publicKey(), Timestamp.from(at));
    }

    @EventHandler
    void on(NodeKeyRotated event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update node_key set status = 'RETIRING', valid_until = ? where key_id = ? and status = 'CURRENT'",
                Timestamp.from(event.previousValidUntil()),
                event.previousKeyId());
        jdbc.update(INSERT, event.keyId(), event.nodeId(), event.publicKey(), Timestamp.from(at));
    }

    @EventHandler
    void on(NodeKeyRevoked event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update node_key set status = 'REVOKED', revoked_at = ? where key_id = ?",
                Timestamp.from(at),
                event.keyId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from node_key");
    }
}
