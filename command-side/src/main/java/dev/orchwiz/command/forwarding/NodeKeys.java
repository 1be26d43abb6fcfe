package dev.orchwiz.command.forwarding;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.command.MakeNodeKey;
import dev.orchwiz.api.forwarding.command.RevokeNodeKey;
import dev.orchwiz.api.forwarding.command.RotateNodeKey;
import dev.orchwiz.api.forwarding.event.NodeKeyMade;
import dev.orchwiz.api.forwarding.event.NodeKeyRevoked;
import dev.orchwiz.api.forwarding.event.NodeKeyRotated;
import dev.orchwiz.api.identity.Actor;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** This node's signing keys: one current key, older ones that still verify for a while, and revoked ones. */
@Aggregate
class NodeKeys {

    @AggregateIdentifier
    private String keysId;

    private String nodeId;
    private String currentKeyId;
    private final Set<String> known = new HashSet<>();
    private final Set<String> revoked = new HashSet<>();

    NodeKeys() {
        // for Axon, and created on the node's first start
    }

    /** Every start asks; only the first makes a key, so two nodes starting on one database agree on one. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(MakeNodeKey command, NodeSigningKeys store) {
        if (currentKeyId == null) {
            NodeSigningKeys.Made key = store.make();
            apply(new NodeKeyMade(command.keysId(), command.nodeId(), key.keyId(), key.publicKey()));
        }
        return currentKeyId;
    }

    @CommandHandler
    String handle(RotateNodeKey command, NodeSigningKeys store) {
        assertAdmin(command.actor());
        NodeSigningKeys.Made key = store.make();
        Instant previousValidUntil = Instant.now().plus(store.grace());
        apply(new NodeKeyRotated(
                keysId,
                nodeId,
                key.keyId(),
                key.publicKey(),
                currentKeyId,
                previousValidUntil,
                command.actor().id()));
        return currentKeyId;
    }

    @CommandHandler
    void handle(RevokeNodeKey command) {
        assertAdmin(command.actor());
        assertKnown(command.keyId());
        assertNotRevoked(command.keyId());
        assertNotCurrent(command.keyId());
        apply(new NodeKeyRevoked(
                keysId, nodeId, command.keyId(), command.actor().id()));
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new ForwardingRefusal(ForwardingError.NOT_ADMIN, "Only admins manage the node's keys");
        }
    }

    private void assertKnown(String keyId) {
        if (!known.contains(keyId)) {
            throw new ForwardingRefusal(ForwardingError.KEY_NOT_FOUND, "No node key " + keyId);
        }
    }

    private void assertNotRevoked(String keyId) {
        if (revoked.contains(keyId)) {
            throw new ForwardingRefusal(ForwardingError.KEY_REVOKED, "Node key " + keyId + " is already revoked");
        }
    }

    /** A node without a key that verifies could forward nothing; a new key comes first. */
    private void assertNotCurrent(String keyId) {
        if (keyId.equals(currentKeyId)) {
            throw new ForwardingRefusal(
                    ForwardingError.CURRENT_KEY, "Node key " + keyId + " signs what this node sends; rotate first");
        }
    }

    @EventSourcingHandler
    void on(NodeKeyMade event) {
        keysId = event.keysId();
        nodeId = event.nodeId();
        currentKeyId = event.keyId();
        known.add(event.keyId());
    }

    @EventSourcingHandler
    void on(NodeKeyRotated event) {
        currentKeyId = event.keyId();
        known.add(event.keyId());
    }

    @EventSourcingHandler
    void on(NodeKeyRevoked event) {
        revoked.add(event.keyId());
    }
}
