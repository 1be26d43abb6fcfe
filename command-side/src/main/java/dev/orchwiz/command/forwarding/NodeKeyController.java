package dev.orchwiz.command.forwarding;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.ThisNode;
import dev.orchwiz.api.forwarding.command.RevokeNodeKey;
import dev.orchwiz.api.forwarding.command.RotateNodeKey;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.command.web.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins rotate this node's signing key (the old one verifies for a grace period) and revoke old keys. */
@RestController
class NodeKeyController {

    private final CommandSender commands;

    NodeKeyController(CommandSender commands) {
        this.commands = commands;
    }

    record Rotated(String keyId) {}

    @PostMapping("/api/nodes/self/keys/rotate")
    Rotated rotate(Actor actor) {
        String keyId = commands.send(new RotateNodeKey(ThisNode.KEYS, actor), NodeKeyController::noKeys);
        return new Rotated(keyId);
    }

    @PostMapping("/api/nodes/self/keys/{keyId}/revoke")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable String keyId) {
        commands.<Object>send(new RevokeNodeKey(ThisNode.KEYS, actor, keyId), NodeKeyController::noKeys);
        return ResponseEntity.noContent().build();
    }

    private static ForwardingRefusal noKeys() {
        return new ForwardingRefusal(ForwardingError.KEY_NOT_FOUND, "This node has no signing key yet");
    }
}
