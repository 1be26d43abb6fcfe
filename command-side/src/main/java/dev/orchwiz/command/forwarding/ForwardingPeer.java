package dev.orchwiz.command.forwarding;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.api.forwarding.PeerRedaction;
import dev.orchwiz.api.forwarding.command.PauseForwardingPeer;
import dev.orchwiz.api.forwarding.command.RegisterForwardingPeer;
import dev.orchwiz.api.forwarding.command.RemoveForwardingPeer;
import dev.orchwiz.api.forwarding.command.ResetForwardingPeer;
import dev.orchwiz.api.forwarding.command.ResumeForwardingPeer;
import dev.orchwiz.api.forwarding.event.ForwardingPeerPaused;
import dev.orchwiz.api.forwarding.event.ForwardingPeerRegistered;
import dev.orchwiz.api.forwarding.event.ForwardingPeerRemoved;
import dev.orchwiz.api.forwarding.event.ForwardingPeerReset;
import dev.orchwiz.api.forwarding.event.ForwardingPeerResumed;
import dev.orchwiz.api.id.ForwardingPeerId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A node this one forwards its events to. Unlike a webhook, a peer may sit on a loopback or private address: nodes of
 * one organisation often do, and only admins register peers.
 */
@Aggregate
class ForwardingPeer {

    private static final int MAX_URL = 2000;
    private static final int MAX_EVENT_TYPES = 100;

    /** An event's simple class name, or a prefix of one ending in {@code *}. */
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}\\*?|\\*");

    @AggregateIdentifier
    private ForwardingPeerId peerId;

    private boolean paused;
    private int resetCount;

    ForwardingPeer() {
        // for Axon
    }

    @CommandHandler
    ForwardingPeer(RegisterForwardingPeer command) {
        ForwardingSource.assertAdmin(command.actor());
        ForwardingSource.assertPlainNodeId(command.nodeId());
        apply(new ForwardingPeerRegistered(
                command.peerId(),
                url(command.url()),
                command.nodeId(),
                publicKey(command.publicKey()),
                eventTypes(command.eventTypes()),
                command.redaction() == null ? PeerRedaction.FULL : command.redaction(),
                command.actor().id()));
    }

    @CommandHandler
    long handle(PauseForwardingPeer command) {
        ForwardingSource.assertAdmin(command.actor());
        if (!paused) {
            apply(new ForwardingPeerPaused(peerId, command.actor().id()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ResumeForwardingPeer command) {
        ForwardingSource.assertAdmin(command.actor());
        if (paused) {
            apply(new ForwardingPeerResumed(peerId, command.actor().id()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ResetForwardingPeer command) {
        ForwardingSource.assertAdmin(command.actor());
        if (command.position() < 0) {
            throw new ForwardingRefusal(ForwardingError.INVALID_INPUT, "position must be 0 or more");
        }
        apply(new ForwardingPeerReset(
                peerId, command.position(), resetCount + 1, command.actor().id()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    void handle(RemoveForwardingPeer command) {
        ForwardingSource.assertAdmin(command.actor());
        apply(new ForwardingPeerRemoved(peerId, command.actor().id()));
    }

    /**
     * The peer's base URL, normalised (no trailing slash): http or https, a host, no credentials, query or fragment.
     * Loopback and private hosts are allowed on purpose (see the class comment).
     */
    static String url(String text) {
        URI uri;
        try {
            uri = text == null || text.length() > MAX_URL ? null : new URI(text.strip());
        } catch (URISyntaxException malformed) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null
                || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_PEER_URL,
                    "url must be the peer's http(s) base URL, such as https://node.example.org, without credentials,"
                            + " query or fragment");
        }
        String normalised = uri.toString();
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }

    static String publicKey(String text) {
        return ForwardingSignatures.publicKey(text)
                .map(ForwardingSignatures::publicKeyText)
                .orElseThrow(
                        () -> new ForwardingRefusal(
                                ForwardingError.INVALID_PUBLIC_KEY,
                                "publicKey must be the peer's raw ed25519 public key in base64 (its /api/nodes/self publicKey)"));
    }

    static List<String> eventTypes(List<String> types) {
        if (types == null) {
            return List.of();
        }
        if (types.size() > MAX_EVENT_TYPES) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT, "eventTypes names at most " + MAX_EVENT_TYPES + " types");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String type : types) {
            if (type == null || !EVENT_TYPE.matcher(type).matches()) {
                throw new ForwardingRefusal(
                        ForwardingError.INVALID_INPUT,
                        "eventTypes are event names such as SessionStarted, or prefixes such as Session*");
            }
            distinct.add(type);
        }
        return List.copyOf(new ArrayList<>(distinct));
    }

    @EventSourcingHandler
    void on(ForwardingPeerRegistered event) {
        peerId = event.peerId();
    }

    @EventSourcingHandler
    void on(ForwardingPeerPaused event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(ForwardingPeerResumed event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(ForwardingPeerReset event) {
        resetCount = event.resetCount();
    }

    @EventSourcingHandler
    void on(ForwardingPeerRemoved event) {
        markDeleted();
    }
}
