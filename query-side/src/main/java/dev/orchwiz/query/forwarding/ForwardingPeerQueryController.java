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
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For admins: the peers this node forwards to, how far each outbox is (lag, last success, last error), dead letters. */
@RestController
class ForwardingPeerQueryController {

    private final Reads reads;

    ForwardingPeerQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/forwarding/peers")
    ForwardingPeerPage peers(
            Actor actor, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        assertAdmin(actor);
        PageParameters.assertValid(page, size);
        return reads.ask(new ListForwardingPeers(actor, page, size), ForwardingPeerPage.class);
    }

    @GetMapping("/api/forwarding/peers/{id}")
    ForwardingPeerView peer(Actor actor, @PathVariable String id) {
        assertAdmin(actor);
        return reads.findOr404(
                new FindForwardingPeer(actor, peerId(id)),
                ForwardingPeerView.class,
                ForwardingError.PEER_NOT_FOUND,
                "No forwarding peer " + id);
    }

    @GetMapping("/api/forwarding/peers/{id}/dead-letters")
    PeerDeadLetterPage deadLetters(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        // The peer's own answer first: an unknown peer is a 404, not an empty list.
        peer(actor, id);
        PageParameters.assertValid(page, size);
        return reads.ask(new ListPeerDeadLetters(actor, peerId(id), page, size), PeerDeadLetterPage.class);
    }

    private static ForwardingPeerId peerId(String id) {
        return Reads.pathId(id, ForwardingPeerId::parse, ForwardingError.PEER_NOT_FOUND, "No forwarding peer ");
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new RuleViolation(ForwardingError.NOT_ADMIN, "Only admins read forwarding peers") {};
        }
    }
}
