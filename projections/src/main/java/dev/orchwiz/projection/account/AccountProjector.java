package dev.orchwiz.projection.account;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.identity.NodeIds;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.SignupPolicy;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps accounts, tokens, invitations and node settings; runs inside the transaction that stores the events. */
@Component
@ProcessingGroup(AccountProjector.PROCESSING_GROUP)
class AccountProjector {

    static final String PROCESSING_GROUP = "accounts";

    private final NamedParameterJdbcTemplate jdbc;

    AccountProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        // The unique index on email refuses a second account for one address, and with it the registering command.
        jdbc.update(
                """
                insert into user_account (id, email, display_name, admin, email_verified, created_at)
                values (:id, :email, :displayName, :admin, true, :at)
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.userId().value())
                        .addValue("email", event.email())
                        .addValue("displayName", event.displayName())
                        .addValue("admin", event.roles().contains(Role.ADMIN))
                        .addValue("at", Timestamp.from(at)));
    }

    @EventHandler
    void on(UserRoleGranted event) {
        account(event.userId().value(), "admin = admin or :admin", value("admin", event.role() == Role.ADMIN));
    }

    @EventHandler
    void on(UserRoleRevoked event) {
        account(event.userId().value(), "admin = admin and not :admin", value("admin", event.role() == Role.ADMIN));
    }

    @EventHandler
    void on(PasskeyAdded event) {
        account(event.userId().value(), "passkeys = passkeys + 1", new MapSqlParameterSource());
    }

    @EventHandler
    void on(PasskeyRemoved event) {
        account(event.userId().value(), "passkeys = greatest(0, passkeys - 1)", new MapSqlParameterSource());
    }

    @EventHandler
    void on(GitHubLinked event) {
        account(
                event.userId().value(),
                "github_login = :login, github_user_id = :githubUserId",
                value("login", event.login()).addValue("githubUserId", event.githubUserId()));
    }

    @EventHandler
    void on(GitHubUnlinked event) {
        account(event.userId().value(), "github_login = null, github_user_id = null", new MapSqlParameterSource());
    }

    @EventHandler
    void on(UserSignedOutEverywhere event) {
        account(event.userId().value(), "session_epoch = :epoch", value("epoch", event.sessionEpoch()));
    }

    @EventHandler
    void on(ApiTokenIssued event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into api_token (id, user_id, name, prefix, hash, scopes, created_at, expires_at)
                values (:id, :user, :name, :prefix, :hash, :scopes, :at, :expiresAt)
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.tokenId())
                        .addValue("user", event.userId().value())
                        .addValue("name", event.name())
                        .addValue("prefix", event.prefix())
                        .addValue("hash", event.hash())
                        .addValue("scopes", scopes(event.scopes()))
                        .addValue("at", Timestamp.from(at))
                        .addValue("expiresAt", event.expiresAt() == null ? null : Timestamp.from(event.expiresAt())));
    }

    @EventHandler
    void on(ApiTokenRevoked event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update api_token set revoked_at = :at where id = :id and revoked_at is null",
                new MapSqlParameterSource().addValue("id", event.tokenId()).addValue("at", Timestamp.from(at)));
    }

    @EventHandler
    void on(SignupPolicyChanged event) {
        settings("signup_policy = :value", event.policy().name());
    }

    @EventHandler
    void on(SetupCompleted event) {
        settings("setup_complete = :value", true);
        jdbc.getJdbcTemplate().update("delete from admin_claim");
    }

    @EventHandler
    void on(AdminClaimed event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "insert into admin_claim (email, claimed_at) values (:email, :at) on conflict (email) do nothing",
                new MapSqlParameterSource().addValue("email", event.email()).addValue("at", Timestamp.from(at)));
    }

    @EventHandler
    void on(UserInvited event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into invitation (email, invited_by, invited_at) values (:email, :by, :at)
                on conflict (email) do nothing
                """,
                new MapSqlParameterSource()
                        .addValue("email", event.email())
                        .addValue("by", event.by().value())
                        .addValue("at", Timestamp.from(at)));
    }

    @EventHandler
    void on(InvitationWithdrawn event) {
        jdbc.update("delete from invitation where email = :email", new MapSqlParameterSource("email", event.email()));
    }

    @ResetHandler
    void reset() {
        for (String table : new String[] {"api_token", "user_account", "invitation", "admin_claim", "node_settings"}) {
            jdbc.getJdbcTemplate().update("delete from " + table);
        }
    }

    /** Changes a registered account; an event for an account never registered is a broken stream and fails. */
    private void account(String id, String assignments, MapSqlParameterSource values) {
        int changed =
                jdbc.update("update user_account set " + assignments + " where id = :id", values.addValue("id", id));
        if (changed == 0) {
            throw new IllegalStateException("account " + id + " was never registered");
        }
    }

    /** Sets one of this node's settings, on the row with the defaults (invite only, setup open) if it is the first. */
    private void settings(String assignment, Object value) {
        MapSqlParameterSource parameters = value("id", NodeIds.THIS_NODE)
                .addValue("policy", SignupPolicy.INVITE.name())
                .addValue("value", value);
        jdbc.update(
                "insert into node_settings (id, signup_policy, setup_complete) values (:id, :policy, false)"
                        + " on conflict (id) do nothing",
                parameters);
        jdbc.update("update node_settings set " + assignment + " where id = :id", parameters);
    }

    private static MapSqlParameterSource value(String name, Object value) {
        return new MapSqlParameterSource(name, value);
    }

    static String scopes(Set<TokenScope> scopes) {
        return scopes.stream().map(WireNamed::wireName).sorted().collect(Collectors.joining(","));
    }
}
