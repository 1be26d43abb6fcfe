package dev.orchwiz.query.forwarding;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.query.FindForwardingPeer;
import dev.orchwiz.api.forwarding.query.ForwardingPeerPage;
import dev.orchwiz.api.forwarding.query.ForwardingPeerView;
import dev.orchwiz.api.forwarding.query.ListForwardingPeers;
import dev.orchwiz.api.forwarding.query.ListPeerDeadLetters;
import dev.orchwiz.api.forwarding.query.PeerDeadLetterPage;
import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.query.PathId;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For admins: the peers this node forwards to, how far each outbox is (lag, last success, last error), dead letters. */
@RestController
class ForwardingPeerQueryController {

    private static final PathId<ForwardingPeerId> PEER =
            new PathId<>(ForwardingPeerId::parse, ForwardingError.PEER_NOT_FOUND, "No forwarding peer ");

    private final Reads reads;

    ForwardingPeerQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/forwarding/peers")
    ForwardingPeerPage peers(Actor actor, PageParameters paging) {
        assertAdmin(actor);
        return reads.ask(new ListForwardingPeers(actor, paging.page(), paging.size()), ForwardingPeerPage.class);
    }

    @GetMapping("/api/forwarding/peers/{id}")
    ForwardingPeerView peer(Actor actor, @PathVariable String id) {
        assertAdmin(actor);
        return reads.findByPath(id, PEER, peerId -> new FindForwardingPeer(actor, peerId), ForwardingPeerView.class);
    }

    @GetMapping("/api/forwarding/peers/{id}/dead-letters")
    PeerDeadLetterPage deadLetters(Actor actor, @PathVariable String id, PageParameters paging) {
        // The peer's own answer first: an unknown peer is a 404, not an empty list.
        peer(actor, id);
        return reads.ask(
                new ListPeerDeadLetters(actor, PEER.parse(id), paging.page(), paging.size()), PeerDeadLetterPage.class);
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new RuleViolation(ForwardingError.NOT_ADMIN, "Only admins read forwarding peers") {};
        }
    }
}
