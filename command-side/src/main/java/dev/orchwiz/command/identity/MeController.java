package dev.orchwiz.command.identity;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.command.RemovePasskey;
import dev.orchwiz.api.identity.command.SignOutEverywhere;
import dev.orchwiz.api.identity.command.UnlinkGitHub;
import dev.orchwiz.command.web.CommandSender;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own writes: ending all their sessions, removing a passkey, unlinking GitHub. What sign-in keeps
 * beside the account (stored sessions, Spring Security's passkey table, the GitHub token) the sign-in side forgets when
 * it sees the event, in this command's own transaction, so each answer here means it is gone.
 */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final CommandSender commands;

    MeController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/sign-out-everywhere")
    ResponseEntity<Void> signOutEverywhere(Actor actor, HttpServletRequest request) {
        commands.send(new SignOutEverywhere(actor.id(), actor), () -> IdentityRefusal.noUser(actor.id()));
        // The stored sessions are deleted by now; invalidating this one as well tells the browser to drop its cookie.
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.noContent().build();
    }

    /** The user aggregate knows the user's passkeys: one that is not theirs is a 404 there, and the last needs confirm. */
    @DeleteMapping("/passkeys/{id}")
    ResponseEntity<Void> removePasskey(
            Actor actor,
            @PathVariable String id,
            @RequestParam(name = "confirm", defaultValue = "false") boolean confirm) {
        commands.send(new RemovePasskey(actor.id(), actor, id, confirm), () -> IdentityRefusal.noUser(actor.id()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/github")
    ResponseEntity<Void> unlinkGitHub(Actor actor) {
        commands.send(new UnlinkGitHub(actor.id(), actor), () -> IdentityRefusal.noUser(actor.id()));
        return ResponseEntity.noContent().build();
    }
}
