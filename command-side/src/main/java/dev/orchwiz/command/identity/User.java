package dev.orchwiz.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.Emails;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.command.ChangeRole;
import dev.orchwiz.api.identity.command.IssueApiToken;
import dev.orchwiz.api.identity.command.LinkGitHub;
import dev.orchwiz.api.identity.command.RecordPasskeyAdded;
import dev.orchwiz.api.identity.command.RecordSignInFailure;
import dev.orchwiz.api.identity.command.RegisterUser;
import dev.orchwiz.api.identity.command.RemovePasskey;
import dev.orchwiz.api.identity.command.RevokeApiToken;
import dev.orchwiz.api.identity.command.SignOutEverywhere;
import dev.orchwiz.api.identity.command.UnlinkGitHub;
import dev.orchwiz.api.identity.event.ApiTokenIssued;
import dev.orchwiz.api.identity.event.ApiTokenRevoked;
import dev.orchwiz.api.identity.event.GitHubLinked;
import dev.orchwiz.api.identity.event.GitHubUnlinked;
import dev.orchwiz.api.identity.event.PasskeyAdded;
import dev.orchwiz.api.identity.event.PasskeyRemoved;
import dev.orchwiz.api.identity.event.SignInFailed;
import dev.orchwiz.api.identity.event.UserEmailVerified;
import dev.orchwiz.api.identity.event.UserRegistered;
import dev.orchwiz.api.identity.event.UserRoleGranted;
import dev.orchwiz.api.identity.event.UserRoleRevoked;
import dev.orchwiz.api.identity.event.UserSignedOutEverywhere;
import dev.orchwiz.api.identity.query.CountAdmins;
import dev.orchwiz.command.ownership.Owned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user decides what may change about their access: roles (by admins), passkeys, API tokens, the GitHub link and
 * their sessions. Events carry the user as owner metadata so the event stream can be scoped per user.
 */
@Aggregate
class User {

    static final int MAX_ACTIVE_TOKENS = 50;
    static final int TOKEN_NAME_LIMIT = 100;
    static final int FAILURES_RECORDED_PER_MINUTE = 5;

    @AggregateIdentifier
    private UserId userId;

    private final Set<Role> roles = EnumSet.noneOf(Role.class);
    private final Set<String> passkeys = new LinkedHashSet<>();
    /** Each unrevoked token with what it was given, so a token that issues another is held to its own grant. */
    private final Map<String, TokenGrant> activeTokens = new HashMap<>();

    private String githubLogin;
    private long sessionEpoch;
    private final Deque<Instant> recentFailures = new ArrayDeque<>();

    User() {
        // for Axon
    }

    @CommandHandler
    User(RegisterUser command) {
        String email = Emails.normalize(command.email());
        if (!Emails.plausible(email)) {
            throw new IdentityRefusal(IdentityError.INVALID_INPUT, "'" + command.email() + "' is not an email address");
        }
        Set<Role> initial = command.roles() == null || command.roles().isEmpty()
                ? EnumSet.of(Role.MEMBER)
                : EnumSet.copyOf(command.roles());
        initial.add(Role.MEMBER);
        UserId id = command.userId();
        apply(new UserRegistered(id, email, command.displayName(), initial), Owned.by(id));
        apply(new UserEmailVerified(id, email), Owned.by(id));
        if (initial.contains(Role.ADMIN)) {
            apply(new UserRoleGranted(id, Role.ADMIN, id), Owned.by(id));
        }
    }

    @CommandHandler
    void handle(ChangeRole command, QueryGateway queries) {
        assertAdmin(command.actor());
        if (command.role() == Role.MEMBER) {
            throw new IdentityRefusal(IdentityError.INVALID_INPUT, "every user is a member");
        }
        boolean has = roles.contains(command.role());
        if (command.granted() && !has) {
            applyOwned(
                    new UserRoleGranted(userId, command.role(), command.actor().id()));
        } else if (!command.granted() && has) {
            assertNotLastAdmin(queries);
            applyOwned(
                    new UserRoleRevoked(userId, command.role(), command.actor().id()));
        }
    }

    @CommandHandler
    void handle(RecordPasskeyAdded command) {
        if (!passkeys.contains(command.credentialId())) {
            applyOwned(new PasskeyAdded(userId, command.credentialId(), command.label()));
        }
    }

    @CommandHandler
    void handle(RemovePasskey command) {
        assertSelfOrAdmin(command.actor());
        if (!passkeys.contains(command.credentialId())) {
            throw new IdentityRefusal(IdentityError.PASSKEY_NOT_FOUND, "No passkey " + command.credentialId());
        }
        if (passkeys.size() == 1 && !command.confirmed()) {
            throw new IdentityRefusal(
                    IdentityError.LAST_PASSKEY,
                    "This is the last passkey; without it sign-in works only by email link. Confirm to remove it.");
        }
        applyOwned(new PasskeyRemoved(
                userId, command.credentialId(), command.actor().id()));
    }

    @CommandHandler
    void handle(IssueApiToken command) {
        if (!command.actor().id().equals(userId)) {
            // Tokens are personal: nobody, not even an admin, mints a token that acts as someone else.
            throw new IdentityRefusal(IdentityError.USER_NOT_FOUND, "No user " + userId);
        }
        String name = command.name() == null ? "" : command.name().trim();
        if (name.isEmpty() || name.length() > TOKEN_NAME_LIMIT) {
            throw new IdentityRefusal(IdentityError.INVALID_INPUT, "A token needs a name of 1 to 100 characters");
        }
        if (command.scopes() == null || command.scopes().isEmpty()) {
            throw new IdentityRefusal(IdentityError.INVALID_INPUT, "A token needs at least one scope");
        }
        if (command.scopes().contains(TokenScope.ADMIN) && !roles.contains(Role.ADMIN)) {
            throw new IdentityRefusal(IdentityError.FORBIDDEN_SCOPE, "Only admins can issue admin tokens");
        }
        if (command.expiresAt() != null && !command.expiresAt().isAfter(Instant.now())) {
            throw new IdentityRefusal(IdentityError.INVALID_INPUT, "A token must expire in the future");
        }
        if (command.issuingTokenId() != null) {
            assertWithinIssuingToken(command);
        }
        if (activeTokens.size() >= MAX_ACTIVE_TOKENS) {
            throw new IdentityRefusal(
                    IdentityError.INVALID_INPUT, "At most " + MAX_ACTIVE_TOKENS + " tokens; revoke one first");
        }
        applyOwned(new ApiTokenIssued(
                userId,
                command.tokenId(),
                name,
                command.prefix(),
                command.hash(),
                Set.copyOf(command.scopes()),
                command.expiresAt(),
                command.actor().id()));
    }

    @CommandHandler
    void handle(RevokeApiToken command) {
        assertSelfOrAdmin(command.actor());
        if (!activeTokens.containsKey(command.tokenId())) {
            throw new IdentityRefusal(IdentityError.TOKEN_NOT_FOUND, "No token " + command.tokenId());
        }
        applyOwned(
                new ApiTokenRevoked(userId, command.tokenId(), command.actor().id()));
    }

    @CommandHandler
    void handle(LinkGitHub command) {
        if (!command.login().equals(githubLogin)) {
            applyOwned(new GitHubLinked(userId, command.login(), command.githubUserId()));
        }
    }

    @CommandHandler
    void handle(UnlinkGitHub command) {
        assertSelfOrAdmin(command.actor());
        if (githubLogin != null) {
            applyOwned(new GitHubUnlinked(userId, githubLogin, command.actor().id()));
        }
    }

    @CommandHandler
    long handle(SignOutEverywhere command) {
        assertSelfOrAdmin(command.actor());
        long next = sessionEpoch + 1;
        applyOwned(new UserSignedOutEverywhere(userId, next, command.actor().id()));
        return next;
    }

    @CommandHandler
    void handle(RecordSignInFailure command) {
        Instant now = GenericEventMessage.clock.instant();
        while (!recentFailures.isEmpty() && recentFailures.peekFirst().isBefore(now.minus(Duration.ofMinutes(1)))) {
            recentFailures.removeFirst();
        }
        if (recentFailures.size() < FAILURES_RECORDED_PER_MINUTE) {
            // Record a few per minute: enough for audit, never a way to flood the event store.
            applyOwned(new SignInFailed(userId, command.method(), abbreviate(command.reason())));
        }
    }

    // --- guards ---

    private void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new IdentityRefusal(IdentityError.USER_NOT_FOUND, "No user " + userId);
        }
    }

    private void assertSelfOrAdmin(Actor actor) {
        if (!actor.mayAccess(userId)) {
            throw new IdentityRefusal(IdentityError.USER_NOT_FOUND, "No user " + userId);
        }
    }

    private void assertNotLastAdmin(QueryGateway queries) {
        Long admins = queries.query(new CountAdmins(), Long.class).join();
        if (admins != null && admins <= 1) {
            throw new IdentityRefusal(IdentityError.LAST_ADMIN, "The node must keep at least one admin");
        }
    }

    // --- state ---

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        roles.addAll(event.roles());
    }

    @EventSourcingHandler
    void on(UserRoleGranted event) {
        roles.add(event.role());
    }

    @EventSourcingHandler
    void on(UserRoleRevoked event) {
        roles.remove(event.role());
    }

    @EventSourcingHandler
    void on(PasskeyAdded event) {
        passkeys.add(event.credentialId());
    }

    @EventSourcingHandler
    void on(PasskeyRemoved event) {
        passkeys.remove(event.credentialId());
    }

    @EventSourcingHandler
    void on(ApiTokenIssued event) {
        activeTokens.put(event.tokenId(), new TokenGrant(Set.copyOf(event.scopes()), event.expiresAt()));
    }

    @EventSourcingHandler
    void on(ApiTokenRevoked event) {
        activeTokens.remove(event.tokenId());
    }

    @EventSourcingHandler
    void on(GitHubLinked event) {
        githubLogin = event.login();
    }

    @EventSourcingHandler
    void on(GitHubUnlinked event) {
        githubLogin = null;
    }

    @EventSourcingHandler
    void on(UserSignedOutEverywhere event) {
        sessionEpoch = event.sessionEpoch();
    }

    @EventSourcingHandler
    void on(SignInFailed event, @org.axonframework.eventhandling.Timestamp Instant at) {
        recentFailures.addLast(at);
    }

    /**
     * A token that issues a token hands on at most what it holds: no scope it lacks (a read+write token minting an
     * admin one would otherwise escalate) and no life beyond its own expiry (which would outlast a deliberately short
     * grant). A person signed in in a browser is bounded only by their roles.
     */
    private void assertWithinIssuingToken(IssueApiToken command) {
        TokenGrant issuer = activeTokens.get(command.issuingTokenId());
        if (issuer == null) {
            throw new IdentityRefusal(
                    IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER, "The token this request came with is no longer valid");
        }
        if (!issuer.scopes().containsAll(command.scopes())) {
            throw new IdentityRefusal(
                    IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER,
                    "This token holds the scopes " + wireNames(issuer.scopes()) + "; it cannot issue "
                            + wireNames(command.scopes()));
        }
        if (issuer.expiresAt() != null
                && (command.expiresAt() == null || command.expiresAt().isAfter(issuer.expiresAt()))) {
            throw new IdentityRefusal(
                    IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER,
                    "This token expires at " + issuer.expiresAt() + "; a token it issues must expire by then");
        }
    }

    private static String wireNames(Set<TokenScope> scopes) {
        return scopes.stream().map(TokenScope::wireName).sorted().toList().toString();
    }

    /** What a token was given when it was issued. */
    private record TokenGrant(Set<TokenScope> scopes, Instant expiresAt) {}

    private void applyOwned(Object event) {
        apply(event, Owned.by(userId));
    }

    private static String abbreviate(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }
}
