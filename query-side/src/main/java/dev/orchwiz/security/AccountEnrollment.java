package dev.orchwiz.security;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.Emails;
import dev.orchwiz.api.identity.NodeIds;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.SignupPolicy;
import dev.orchwiz.api.identity.command.ChangeRole;
import dev.orchwiz.api.identity.command.CompleteSetup;
import dev.orchwiz.api.identity.command.RegisterUser;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.FindInvitation;
import dev.orchwiz.api.identity.query.Invitation;
import dev.orchwiz.api.identity.query.NodeSettings;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Decides who may sign in or sign up, and creates accounts for addresses just proven by an email link. Admin rights
 * go only to verified addresses: one that presented the setup code on a fresh node, or one the operator listed in
 * {@code ORCHWIZ_ADMIN_EMAILS}.
 */
@Component
class AccountEnrollment {

    /** Acts when the node itself applies the operator's configuration. */
    static final Actor NODE = new Actor(UserId.of("node"), true);

    private final AccountLookup accounts;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final SecurityProperties properties;

    AccountEnrollment(
            AccountLookup accounts, QueryGateway queries, CommandGateway commands, SecurityProperties properties) {
        this.accounts = accounts;
        this.queries = queries;
        this.commands = commands;
        this.properties = properties;
    }

    /** The outcome of using an email link: the account, and whether it was created just now. */
    record Enrolled(Account account, boolean newUser) {}

    boolean maySignIn(String email) {
        return accounts.byEmail(email).isPresent() || maySignUp(Emails.normalize(email), accounts.nodeSettings());
    }

    Enrolled signIn(String rawEmail) {
        String email = Emails.normalize(rawEmail);
        NodeSettings settings = accounts.nodeSettings();
        Optional<Account> existing = accounts.byEmail(email);
        if (existing.isPresent()) {
            return new Enrolled(promoteIfListed(existing.get()), false);
        }
        if (!maySignUp(email, settings)) {
            throw new SignupRefused(email);
        }
        boolean admin = adminEligible(email, settings);
        Set<Role> roles = admin ? EnumSet.of(Role.ADMIN, Role.MEMBER) : EnumSet.of(Role.MEMBER);
        UserId userId = UserId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterUser(userId, email, displayName(email), roles), 30, TimeUnit.SECONDS);
        if (admin && !settings.setupComplete()) {
            commands.sendAndWait(new CompleteSetup(NodeIds.THIS_NODE, userId, email), 30, TimeUnit.SECONDS);
        }
        return new Enrolled(accounts.byId(userId.value()).orElseThrow(), true);
    }

    private Account promoteIfListed(Account account) {
        if (account.admin() || !properties.adminEmails().contains(account.email())) {
            return account;
        }
        commands.sendAndWait(new ChangeRole(UserId.of(account.id()), NODE, Role.ADMIN, true), 30, TimeUnit.SECONDS);
        return accounts.byId(account.id()).orElse(account);
    }

    private boolean maySignUp(String email, NodeSettings settings) {
        if (adminEligible(email, settings)) {
            return true;
        }
        return settings.signupPolicy() == SignupPolicy.OPEN
                || (settings.signupPolicy() == SignupPolicy.INVITE && invited(email));
    }

    private boolean adminEligible(String email, NodeSettings settings) {
        return properties.adminEmails().contains(email)
                || (!settings.setupComplete() && settings.pendingAdminEmails().contains(email));
    }

    private boolean invited(String email) {
        return queries.query(new FindInvitation(email), ResponseTypes.optionalInstanceOf(Invitation.class))
                .join()
                .isPresent();
    }

    private static String displayName(String email) {
        return email.substring(0, email.indexOf('@'));
    }

    /** The address may not create an account under the node's sign-up policy. */
    static class SignupRefused extends org.springframework.security.core.AuthenticationException {

        SignupRefused(String email) {
            super("Sign-up is not open to " + email);
        }
    }
}
