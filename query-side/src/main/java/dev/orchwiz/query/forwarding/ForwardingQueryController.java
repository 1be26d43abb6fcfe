package dev.orchwiz.query.forwarding;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.NodeType;
import dev.orchwiz.api.forwarding.query.FindForwardedSession;
import dev.orchwiz.api.forwarding.query.FindForwardingSource;
import dev.orchwiz.api.forwarding.query.FindThisNode;
import dev.orchwiz.api.forwarding.query.ForwardedEventPage;
import dev.orchwiz.api.forwarding.query.ForwardedSessionPage;
import dev.orchwiz.api.forwarding.query.ForwardedSessionSummary;
import dev.orchwiz.api.forwarding.query.ForwardingSourcePage;
import dev.orchwiz.api.forwarding.query.ForwardingSourceView;
import dev.orchwiz.api.forwarding.query.InboundRefusalPage;
import dev.orchwiz.api.forwarding.query.ListForwardedSessionEvents;
import dev.orchwiz.api.forwarding.query.ListForwardedSessions;
import dev.orchwiz.api.forwarding.query.ListForwardingSources;
import dev.orchwiz.api.forwarding.query.ListInboundRefusals;
import dev.orchwiz.api.forwarding.query.NodeKeyView;
import dev.orchwiz.api.forwarding.query.ThisNodeView;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.operations.ProcessorLags;
import dev.orchwiz.query.PathId;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.DefaultPageSize;
import dev.orchwiz.web.PageParameters;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * This node's identity (any signed-in user: it is what peers pin), and, for admins, the sources it trusts and the
 * sessions they forwarded: forwarded data has no local owner, so it is the node's, like its settings.
 */
@RestController
class ForwardingQueryController {

    private static final PathId<ForwardingSourceId> SOURCE =
            new PathId<>(ForwardingSourceId::parse, ForwardingError.SOURCE_NOT_FOUND, "No forwarding source ");

    private final Reads reads;
    private final ProcessorLags lags;
    private final String name;
    private final NodeType type;
    private final String version;

    ForwardingQueryController(
            Reads reads,
            ProcessorLags lags,
            @Value("${orchwiz.node.name:}") String name,
            @Value("${orchwiz.node.type:local}") String type,
            @Value("${orchwiz.version:dev}") String version) {
        this.reads = reads;
        this.lags = lags;
        this.name = name == null || name.isBlank() ? hostName() : name.strip();
        // A type that is not local, cloud or hybrid stops the node at start, not at the first request.
        this.type = WireNamed.fromWire(NodeType.class, type);
        this.version = version;
    }

    /**
     * {@code type}: local, cloud or hybrid; {@code uptime} in seconds; {@code position} is the newest event's global
     * index in this node's store; {@code processors}: each event processor's position against that head.
     */
    record NodeSelf(
            String id,
            String name,
            String type,
            String publicKey,
            String keyId,
            String version,
            long uptime,
            long position,
            List<NodeKeyView> keys,
            List<ProcessorLags.ProcessorLag> processors) {}

    @GetMapping("/api/nodes/self")
    NodeSelf self(Actor actor) {
        ThisNodeView node = reads.ask(new FindThisNode(), ThisNodeView.class);
        return new NodeSelf(
                node.nodeId(),
                name,
                type.wireName(),
                node.publicKey(),
                node.keyId(),
                version,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                node.position(),
                node.keys(),
                lags.all());
    }

    @GetMapping("/api/forwarding/sources")
    ForwardingSourcePage sources(Actor actor, PageParameters paging) {
        assertAdmin(actor);
        return reads.ask(new ListForwardingSources(actor, paging.page(), paging.size()), ForwardingSourcePage.class);
    }

    /** Refused forwarded requests per claimed origin since this node started, most refused first. */
    @GetMapping("/api/forwarding/refusals")
    InboundRefusalPage refusals(Actor actor, PageParameters paging) {
        assertAdmin(actor);
        return reads.ask(new ListInboundRefusals(actor, paging.page(), paging.size()), InboundRefusalPage.class);
    }

    @GetMapping("/api/forwarding/sources/{id}")
    ForwardingSourceView source(Actor actor, @PathVariable String id) {
        assertAdmin(actor);
        return reads.findByPath(
                id, SOURCE, sourceId -> new FindForwardingSource(actor, sourceId), ForwardingSourceView.class);
    }

    @GetMapping("/api/forwarding/sessions")
    ForwardedSessionPage sessions(
            Actor actor, @RequestParam(required = false) String sourceNodeId, PageParameters paging) {
        assertAdmin(actor);
        if (sourceNodeId != null && (sourceNodeId.isBlank() || sourceNodeId.length() > 128)) {
            throw Reads.invalid("sourceNodeId", "must be a node id of 1 to 128 characters");
        }
        return reads.ask(
                new ListForwardedSessions(actor, sourceNodeId, paging.page(), paging.size()),
                ForwardedSessionPage.class);
    }

    /** A remote session's row, read-only: it is the origin's, and this node only shows what it forwarded. */
    @GetMapping("/api/forwarding/sessions/{sourceNodeId}/{sessionId}")
    ForwardedSessionSummary session(Actor actor, @PathVariable String sourceNodeId, @PathVariable String sessionId) {
        assertAdmin(actor);
        return reads.findOr404(
                new FindForwardedSession(actor, sourceNodeId, sessionId),
                ForwardedSessionSummary.class,
                ForwardingError.SESSION_NOT_FOUND,
                "No session " + sessionId + " forwarded by " + sourceNodeId);
    }

    /** Its timeline: the events the origin forwarded about it, in the origin's order. */
    @GetMapping("/api/forwarding/sessions/{sourceNodeId}/{sessionId}/events")
    ForwardedEventPage sessionEvents(
            Actor actor,
            @PathVariable String sourceNodeId,
            @PathVariable String sessionId,
            @DefaultPageSize(50) PageParameters paging) {
        session(actor, sourceNodeId, sessionId);
        return reads.ask(
                new ListForwardedSessionEvents(actor, sourceNodeId, sessionId, paging.page(), paging.size()),
                ForwardedEventPage.class);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unnamed) {
            return "orchwiz";
        }
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new RuleViolation(ForwardingError.NOT_ADMIN, "Only admins read forwarding sources and views") {};
        }
    }
}
