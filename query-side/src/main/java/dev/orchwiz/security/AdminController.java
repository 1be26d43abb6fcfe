package dev.orchwiz.security;

import dev.orchwiz.api.WireNamed;
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
import dev.orchwiz.api.identity.query.AccountPage;
import dev.orchwiz.api.identity.query.FindInvitation;
import dev.orchwiz.api.identity.query.Invitation;
import dev.orchwiz.api.identity.query.InvitationPage;
import dev.orchwiz.api.identity.query.ListAccounts;
import dev.orchwiz.api.identity.query.ListInvitations;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.web.PageParameters;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users, roles, sign-up policy and invitations. Non-admins are told these endpoints do not exist. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final AccountLookup accounts;
    private final CommandGateway commands;
    private final QueryGateway queries;

    AdminController(AccountLookup accounts, CommandGateway commands, QueryGateway queries) {
        this.accounts = accounts;
        this.commands = commands;
        this.queries = queries;
    }

    record AccountView(
            String id, String email, String displayName, List<String> roles, boolean emailVerified, String createdAt) {

        static AccountView of(Account account) {
            return new AccountView(
                    account.id(),
                    account.email(),
                    account.displayName(),
                    account.roles().stream().map(WireNamed::wireName).sorted().toList(),
                    account.emailVerified(),
                    account.createdAt().toString());
        }
    }

    record AccountViewPage(List<AccountView> items, int page, int size, long totalItems, int totalPages) {}

    record RoleChange(Role role, boolean granted) {}

    record PolicyChange(SignupPolicy policy) {}

    record Invite(@SingleLine String email) {}

    @GetMapping("/users")
    AccountViewPage users(
            Actor actor, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        assertAdmin(actor);
        PageParameters.assertValid(page, size);
        AccountPage accounts =
                queries.query(new ListAccounts(page, size), AccountPage.class).join();
        return new AccountViewPage(
                accounts.items().stream().map(AccountView::of).toList(),
                page,
                size,
                accounts.totalItems(),
                accounts.totalPages());
    }

    @PostMapping("/users/{id}/roles")
    AccountView changeRole(Actor actor, @PathVariable String id, @RequestBody RoleChange change) {
        assertAdmin(actor);
        if (change.role() == null) {
            throw new InvalidRequest(RequestError.VALIDATION_FAILED, "role is required (admin)");
        }
        Account account = accounts.byId(id)
                .orElseThrow(() -> new AuthController.Refused(IdentityError.USER_NOT_FOUND, "No user " + id));
        commands.sendAndWait(
                new ChangeRole(UserId.of(account.id()), actor, change.role(), change.granted()), 30, TimeUnit.SECONDS);
        return AccountView.of(accounts.byId(id).orElseThrow());
    }

    @GetMapping("/signup-policy")
    Map<String, String> policy(Actor actor) {
        assertAdmin(actor);
        return Map.of("policy", accounts.nodeSettings().signupPolicy().wireName());
    }

    @PutMapping("/signup-policy")
    Map<String, String> changePolicy(Actor actor, @RequestBody PolicyChange change) {
        assertAdmin(actor);
        if (change.policy() == null) {
            throw new InvalidRequest(RequestError.VALIDATION_FAILED, "policy is required: open, invite or closed");
        }
        commands.sendAndWait(new ChangeSignupPolicy(NodeIds.THIS_NODE, actor, change.policy()), 30, TimeUnit.SECONDS);
        return Map.of("policy", accounts.nodeSettings().signupPolicy().wireName());
    }

    @GetMapping("/invitations")
    InvitationPage invitations(
            Actor actor, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        assertAdmin(actor);
        PageParameters.assertValid(page, size);
        return queries.query(new ListInvitations(page, size), InvitationPage.class)
                .join();
    }

    @PostMapping("/invitations")
    ResponseEntity<Invitation> invite(Actor actor, @RequestBody Invite invite) {
        assertAdmin(actor);
        commands.sendAndWait(new InviteUser(NodeIds.THIS_NODE, actor, invite.email()), 30, TimeUnit.SECONDS);
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
        commands.sendAndWait(new WithdrawInvitation(NodeIds.THIS_NODE, actor, email), 30, TimeUnit.SECONDS);
        return ResponseEntity.noContent().build();
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new AuthController.Refused(IdentityError.USER_NOT_FOUND, "Not found");
        }
    }
}
