package dev.orchwiz.command.forwarding.outbound;

import dev.orchwiz.api.forwarding.query.ListPeersToForward;
import dev.orchwiz.api.forwarding.query.PeerTarget;
import dev.orchwiz.api.forwarding.query.PeersToForward;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps one running outbox per active peer: every second it compares the registered peers with the running outboxes,
 * starts what is missing, stops what was paused, removed or changed, and applies a reset (moving the peer's token)
 * once that peer's outbox has stopped. Outboxes run after Axon has started and stop before it does.
 */
@Component
class WhenEventsAreStoredThenForwardToPeers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WhenEventsAreStoredThenForwardToPeers.class);

    private final QueryGateway queries;
    private final OutboxLedger ledger;
    private final OutboxParts parts;
    private final Map<String, PeerOutbox> running = new ConcurrentHashMap<>();
    private volatile boolean started;

    WhenEventsAreStoredThenForwardToPeers(QueryGateway queries, OutboxParts parts) {
        this.queries = queries;
        this.ledger = parts.ledger();
        this.parts = parts;
    }

    @Scheduled(fixedDelayString = "${orchwiz.forwarding.outbound.reconcile-interval:PT1S}", initialDelayString = "PT1S")
    void reconcile() {
        if (!started) {
            return;
        }
        try {
            reconcileNow();
        } catch (RuntimeException failure) {
            log.warn("Forwarding outboxes not reconciled this time: {}", failure.toString());
        }
    }

    private synchronized void reconcileNow() {
        List<PeerTarget> peers = queries.query(new ListPeersToForward(), ResponseTypes.instanceOf(PeersToForward.class))
                .join()
                .peers();
        Set<String> registered = new HashSet<>();
        for (PeerTarget peer : peers) {
            registered.add(peer.peerId());
            PeerOutbox outbox = running.get(peer.peerId());
            if (outbox != null && !outbox.peer().equals(peer)) {
                // Paused, reset or changed: this outbox stops, and the next round starts the right one.
                outbox.stop();
            }
            if (outbox != null && (outbox.stopping() || !outbox.isAlive())) {
                if (outbox.isAlive()) {
                    continue;
                }
                running.remove(peer.peerId());
                outbox = null;
            }
            if (outbox == null && peer.resetCount() > ledger.resetApplied(peer.peerId())) {
                if (!ledger.reset(peer.peerId(), peer.resetPosition(), peer.resetCount())) {
                    continue;
                }
                log.info("Outbox for peer {} reset to position {}", peer.nodeId(), peer.resetPosition());
            }
            if (outbox == null && !peer.paused()) {
                PeerOutbox started = new PeerOutbox(peer, parts);
                running.put(peer.peerId(), started);
                started.start();
            }
        }
        for (Map.Entry<String, PeerOutbox> entry : Map.copyOf(running).entrySet()) {
            if (!registered.contains(entry.getKey())) {
                entry.getValue().stop();
                if (!entry.getValue().isAlive()) {
                    running.remove(entry.getKey());
                }
            }
        }
        for (String peerId : ledger.peersWithOutbox()) {
            if (!registered.contains(peerId) && !running.containsKey(peerId)) {
                ledger.forget(peerId);
            }
        }
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public synchronized void stop() {
        started = false;
        running.values().forEach(PeerOutbox::stop);
        for (PeerOutbox outbox : running.values()) {
            try {
                outbox.join(Duration.ofSeconds(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** After Axon's components and the web server have started; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
