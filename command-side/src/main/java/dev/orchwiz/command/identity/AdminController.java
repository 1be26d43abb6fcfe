package dev.orchwiz.command.identity;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.NodeIds;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.SignupPolicy;
import dev.orchwiz.api.identity.command.ChangeRole;
import dev.orchwiz.api.identity.command.ChangeSignupPolicy;
import dev.orchwiz.api.identity.command.InviteUser;
import dev.orchwiz.api.identity.command.WithdrawInvitation;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.AccountView;
import dev.orchwiz.api.identity.query.FindAccount;
import dev.orchwiz.api.identity.query.FindInvitation;
import dev.orchwiz.api.identity.query.FindNodeSettings;
import dev.orchwiz.api.identity.query.Invitation;
import dev.orchwiz.api.identity.query.NodeSettings;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.command.web.CommandSender;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin writes: roles, the sign-up policy and invitations. Non-admins are told these endpoints do not exist. Each
 * answer is read back after the write (the accounts read model is written in the command's own transaction).
 */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final CommandSender commands;
    private final QueryGateway queries;

    AdminController(CommandSender commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record RoleChange(Role role, boolean granted) {}

    record PolicyChange(SignupPolicy policy) {}

    record Invite(@SingleLine String email) {}

    @PostMapping("/users/{id}/roles")
    AccountView changeRole(Actor actor, @PathVariable String id, @RequestBody RoleChange change) {
        assertAdmin(actor);
        if (change.role() == null) {
            throw new InvalidRequest(RequestError.VALIDATION_FAILED, "role is required (admin)");
        }
        Account account = account(id).orElseThrow(() -> IdentityRefusal.noUser(id));
        commands.send(
                new ChangeRole(UserId.of(account.id()), actor, change.role(), change.granted()),
                () -> IdentityRefusal.noUser(id));
        return AccountView.of(account(id).orElseThrow());
    }

    @PutMapping("/signup-policy")
    Map<String, String> changePolicy(Actor actor, @RequestBody PolicyChange change) {
        assertAdmin(actor);
        if (change.policy() == null) {
            throw new InvalidRequest(RequestError.VALIDATION_FAILED, "policy is required: open, invite or closed");
        }
        commands.send(new ChangeSignupPolicy(NodeIds.THIS_NODE, actor, change.policy()), AdminController::noNode);
        NodeSettings settings =
                queries.query(new FindNodeSettings(), NodeSettings.class).join();
        return Map.of("policy", settings.signupPolicy().wireName());
    }

    @PostMapping("/invitations")
    ResponseEntity<Invitation> invite(Actor actor, @RequestBody Invite invite) {
        assertAdmin(actor);
        commands.send(new InviteUser(NodeIds.THIS_NODE, actor, invite.email()), AdminController::noNode);
        Invitation created = queries.query(
                        new FindInvitation(invite.email()), ResponseTypes.optionalInstanceOf(Invitation.class))
                .join()
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/admin/invitations/" + created.email()))
                .body(created);
    }

    @DeleteMapping("/invitations/{email}")
    ResponseEntity<Void> withdraw(Actor actor, @PathVariable String email) {
        assertAdmin(actor);
        commands.send(new WithdrawInvitation(NodeIds.THIS_NODE, actor, email), AdminController::noNode);
        return ResponseEntity.noContent().build();
    }

    private Optional<Account> account(String id) {
        return queries.query(new FindAccount(UserId.of(id)), ResponseTypes.optionalInstanceOf(Account.class))
                .join();
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new IdentityRefusal(IdentityError.USER_NOT_FOUND, "Not found");
        }
    }

    /** Never seen: the node aggregate's handlers create it when it is missing. */
    private static IdentityRefusal noNode() {
        return new IdentityRefusal(IdentityError.USER_NOT_FOUND, "Not found");
    }
}
