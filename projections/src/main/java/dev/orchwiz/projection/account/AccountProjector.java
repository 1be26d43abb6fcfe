package dev.orchwiz.projection.account;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.identity.NodeIds;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.event.AdminClaimed;
import dev.orchwiz.api.identity.event.ApiTokenIssued;
import dev.orchwiz.api.identity.event.ApiTokenRevoked;
import dev.orchwiz.api.identity.event.GitHubLinked;
import dev.orchwiz.api.identity.event.GitHubUnlinked;
import dev.orchwiz.api.identity.event.InvitationWithdrawn;
import dev.orchwiz.api.identity.event.PasskeyAdded;
import dev.orchwiz.api.identity.event.PasskeyRemoved;
import dev.orchwiz.api.identity.event.SetupCompleted;
import dev.orchwiz.api.identity.event.SignupPolicyChanged;
import dev.orchwiz.api.identity.event.UserInvited;
import dev.orchwiz.api.identity.event.UserRegistered;
import dev.orchwiz.api.identity.event.UserRoleGranted;
import dev.orchwiz.api.identity.event.UserRoleRevoked;
import dev.orchwiz.api.identity.event.UserSignedOutEverywhere;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Keeps accounts, tokens, invitations and node settings; runs inside the transaction that stores the events. */
@Component
@ProcessingGroup(AccountProjector.PROCESSING_GROUP)
class AccountProjector {

    static final String PROCESSING_GROUP = "accounts";

    private final EntityManager entities;

    AccountProjector(EntityManager entities) {
        this.entities = entities;
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant at) {
        AccountRow row = new AccountRow(event.userId().value());
        row.email = event.email();
        row.displayName = event.displayName();
        row.admin = event.roles().contains(Role.ADMIN);
        row.emailVerified = true;
        row.createdAt = at;
        entities.persist(row);
        // The unique index on email refuses a second account for one address in this very transaction.
        entities.flush();
    }

    @EventHandler
    void on(UserRoleGranted event) {
        account(event.userId().value(), row -> row.admin |= event.role() == Role.ADMIN);
    }

    @EventHandler
    void on(UserRoleRevoked event) {
        account(event.userId().value(), row -> row.admin &= event.role() != Role.ADMIN);
    }

    @EventHandler
    void on(PasskeyAdded event) {
        account(event.userId().value(), row -> row.passkeys++);
    }

    @EventHandler
    void on(PasskeyRemoved event) {
        account(event.userId().value(), row -> row.passkeys = Math.max(0, row.passkeys - 1));
    }

    @EventHandler
    void on(GitHubLinked event) {
        account(event.userId().value(), row -> {
            row.githubLogin = event.login();
            row.githubUserId = event.githubUserId();
        });
    }

    @EventHandler
    void on(GitHubUnlinked event) {
        account(event.userId().value(), row -> {
            row.githubLogin = null;
            row.githubUserId = null;
        });
    }

    @EventHandler
    void on(UserSignedOutEverywhere event) {
        account(event.userId().value(), row -> row.sessionEpoch = event.sessionEpoch());
    }

    @EventHandler
    void on(ApiTokenIssued event, @Timestamp Instant at) {
        ApiTokenRow row = new ApiTokenRow(event.tokenId());
        row.userId = event.userId().value();
        row.name = event.name();
        row.prefix = event.prefix();
        row.hash = event.hash();
        row.scopes = scopes(event.scopes());
        row.createdAt = at;
        row.expiresAt = event.expiresAt();
        entities.persist(row);
    }

    @EventHandler
    void on(ApiTokenRevoked event, @Timestamp Instant at) {
        ApiTokenRow row = entities.find(ApiTokenRow.class, event.tokenId());
        if (row != null && row.revokedAt == null) {
            row.revokedAt = at;
        }
    }

    @EventHandler
    void on(SignupPolicyChanged event) {
        settings(row -> row.signupPolicy = event.policy());
    }

    @EventHandler
    void on(SetupCompleted event) {
        settings(row -> row.setupComplete = true);
        entities.createQuery("delete from AdminClaimRow").executeUpdate();
    }

    @EventHandler
    void on(AdminClaimed event, @Timestamp Instant at) {
        if (entities.find(AdminClaimRow.class, event.email()) == null) {
            entities.persist(new AdminClaimRow(event.email(), at));
        }
    }

    @EventHandler
    void on(UserInvited event, @Timestamp Instant at) {
        if (entities.find(InvitationRow.class, event.email()) == null) {
            entities.persist(new InvitationRow(event.email(), event.by().value(), at));
        }
    }

    @EventHandler
    void on(InvitationWithdrawn event) {
        InvitationRow row = entities.find(InvitationRow.class, event.email());
        if (row != null) {
            entities.remove(row);
        }
    }

    @ResetHandler
    void reset() {
        for (String entity :
                new String[] {"ApiTokenRow", "AccountRow", "InvitationRow", "AdminClaimRow", "NodeSettingsRow"}) {
            entities.createQuery("delete from " + entity).executeUpdate();
        }
    }

    private void account(String id, Consumer<AccountRow> change) {
        AccountRow row = entities.find(AccountRow.class, id);
        if (row == null) {
            throw new IllegalStateException("account " + id + " was never registered");
        }
        change.accept(row);
    }

    private void settings(Consumer<NodeSettingsRow> change) {
        NodeSettingsRow row = entities.find(NodeSettingsRow.class, NodeIds.THIS_NODE);
        if (row == null) {
            row = new NodeSettingsRow(NodeIds.THIS_NODE);
            entities.persist(row);
        }
        change.accept(row);
    }

    static String scopes(Set<TokenScope> scopes) {
        return scopes.stream().map(WireNamed::wireName).sorted().collect(Collectors.joining(","));
    }
}
