package dev.orchwiz.command.forwarding;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.PeerRedaction;
import dev.orchwiz.api.forwarding.command.PauseForwardingPeer;
import dev.orchwiz.api.forwarding.command.RegisterForwardingPeer;
import dev.orchwiz.api.forwarding.command.RemoveForwardingPeer;
import dev.orchwiz.api.forwarding.command.ResetForwardingPeer;
import dev.orchwiz.api.forwarding.command.ResumeForwardingPeer;
import dev.orchwiz.api.forwarding.query.FindForwardingPeerClash;
import dev.orchwiz.api.forwarding.query.ForwardingPeerView;
import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.command.forwarding.outbound.DeadLetterRetry;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import dev.orchwiz.command.web.Written;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins register the nodes this one forwards to, pause, resume, replay or drop them, and retry dead letters. */
@RestController
class ForwardingPeerController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final DeadLetterRetry deadLetters;

    ForwardingPeerController(CommandSender commands, QueryGateway queries, DeadLetterRetry deadLetters) {
        this.commands = commands;
        this.queries = queries;
        this.deadLetters = deadLetters;
    }

    record PeerInput(String url, String nodeId, String publicKey, List<String> eventTypes, String redaction) {}

    record ResetInput(Long position) {}

    @PostMapping("/api/forwarding/peers")
    ResponseEntity<Written> register(Actor actor, @RequestBody PeerInput body) {
        ForwardingSource.assertAdmin(actor);
        ForwardingSource.assertPlainNodeId(body.nodeId());
        String url = ForwardingPeer.url(body.url());
        ForwardingPeer.publicKey(body.publicKey());
        ForwardingPeer.eventTypes(body.eventTypes());
        PeerRedaction redaction = redaction(body.redaction());
        boolean taken = queries.query(
                        new FindForwardingPeerClash(body.nodeId(), url),
                        ResponseTypes.optionalInstanceOf(ForwardingPeerView.class))
                .join()
                .isPresent();
        if (taken) {
            throw new ForwardingRefusal(
                    ForwardingError.PEER_TAKEN,
                    "Node " + body.nodeId() + " or " + url + " is already a peer; remove it first");
        }
        ForwardingPeerId id = ForwardingPeerId.random();
        commands.send(
                new RegisterForwardingPeer(
                        id, actor, url, body.nodeId(), body.publicKey(), body.eventTypes(), redaction),
                () -> missing(id.toString()));
        return IfMatch.created("/api/forwarding/peers/" + id, Written.of(id, 0));
    }

    @PostMapping("/api/forwarding/peers/{id}/pause")
    Written pause(Actor actor, @PathVariable String id) {
        long version = commands.send(new PauseForwardingPeer(peerId(id), actor), () -> missing(id));
        return new Written(id, version);
    }

    @PostMapping("/api/forwarding/peers/{id}/resume")
    Written resume(Actor actor, @PathVariable String id) {
        long version = commands.send(new ResumeForwardingPeer(peerId(id), actor), () -> missing(id));
        return new Written(id, version);
    }

    @PostMapping("/api/forwarding/peers/{id}/reset")
    Written reset(Actor actor, @PathVariable String id, @RequestBody ResetInput body) {
        if (body == null || body.position() == null) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT, "position is required: the global index to send from (0: all)");
        }
        long version = commands.send(new ResetForwardingPeer(peerId(id), actor, body.position()), () -> missing(id));
        return new Written(id, version);
    }

    @DeleteMapping("/api/forwarding/peers/{id}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        commands.<Object>send(new RemoveForwardingPeer(peerId(id), actor), () -> missing(id));
        return ResponseEntity.noContent().build();
    }

    /** Sends a dead-lettered batch again now (same webhook-id, fresh timestamp and signature); 204 once delivered. */
    @PostMapping("/api/forwarding/peers/{id}/dead-letters/{letter}/retry")
    ResponseEntity<Void> retry(Actor actor, @PathVariable String id, @PathVariable String letter) {
        ForwardingSource.assertAdmin(actor);
        long letterId;
        try {
            letterId = Long.parseLong(letter);
        } catch (NumberFormatException notANumber) {
            throw new ForwardingRefusal(ForwardingError.DEAD_LETTER_NOT_FOUND, "No dead letter " + letter);
        }
        deadLetters.retry(peerId(id).toString(), letterId);
        return ResponseEntity.noContent().build();
    }

    private static PeerRedaction redaction(String text) {
        if (text == null) {
            return PeerRedaction.FULL;
        }
        try {
            return WireNamed.fromWire(PeerRedaction.class, text);
        } catch (IllegalArgumentException unknown) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT,
                    "redaction must be one of " + WireNamed.wireNames(PeerRedaction.class));
        }
    }

    private static ForwardingPeerId peerId(String id) {
        return ForwardingPeerId.parse(id).orElseThrow(() -> missing(id));
    }

    private static ForwardingRefusal missing(String id) {
        return new ForwardingRefusal(ForwardingError.PEER_NOT_FOUND, "No forwarding peer " + id);
    }
}
