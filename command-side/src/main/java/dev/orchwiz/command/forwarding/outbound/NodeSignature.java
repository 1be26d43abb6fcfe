package dev.orchwiz.command.forwarding.outbound;

import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.api.forwarding.query.FindThisNode;
import dev.orchwiz.api.forwarding.query.NodeKeyView;
import dev.orchwiz.api.forwarding.query.ThisNodeView;
import dev.orchwiz.command.forwarding.NodeSigningKeys;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Signs what this node sends with every key that still verifies: the current one and, while a rotation's grace
 * lasts, the previous one, so a peer that pinned either accepts the batch. Private keys are opened once and kept in
 * memory; the key list is read again every few seconds to notice a rotation.
 */
@Component
class NodeSignature {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    /** The headers a signed request carries: the origin, the current key's id, and one or two {@code v1a} entries. */
    record Signed(String origin, String keyId, String signature) {}

    private final QueryGateway queries;
    private final NodeSigningKeys keys;
    private final Map<String, PrivateKey> opened = new ConcurrentHashMap<>();
    private volatile ThisNodeView node;
    private volatile Instant readAt = Instant.MIN;

    NodeSignature(QueryGateway queries, NodeSigningKeys keys) {
        this.queries = queries;
        this.keys = keys;
    }

    /** This node's id, as peers know it; fails while the node has not made its first key. */
    String origin() {
        return node().nodeId();
    }

    Signed sign(String webhookId, String timestamp, byte[] body) {
        ThisNodeView current = node();
        Instant now = Instant.now();
        List<String> signing = current.keys().stream()
                .filter(key -> key.status().equals("current")
                        || (key.status().equals("retiring")
                                && key.validUntil() != null
                                && key.validUntil().isAfter(now)))
                .map(NodeKeyView::keyId)
                .toList();
        String signature = signing.stream()
                .map(keyId -> ForwardingSignatures.sign(privateKey(keyId), webhookId, timestamp, body))
                .collect(Collectors.joining(" "));
        return new Signed(current.nodeId(), current.keyId(), signature);
    }

    private PrivateKey privateKey(String keyId) {
        return opened.computeIfAbsent(keyId, id -> keys.privateKey(id)
                .orElseThrow(() -> new IllegalStateException("node key " + id + " has no private half here")));
    }

    private ThisNodeView node() {
        ThisNodeView known = node;
        if (known == null || known.keyId() == null || readAt.plus(REFRESH).isBefore(Instant.now())) {
            known = queries.query(new FindThisNode(), ResponseTypes.instanceOf(ThisNodeView.class))
                    .join();
            node = known;
            readAt = Instant.now();
        }
        if (known.nodeId() == null || known.keyId() == null) {
            throw new IllegalStateException("this node has not made its signing key yet");
        }
        return known;
    }
}
