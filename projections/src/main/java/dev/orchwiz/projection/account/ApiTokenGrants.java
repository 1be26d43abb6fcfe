package dev.orchwiz.projection.account;

import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.ApiTokenGrant;
import dev.orchwiz.api.identity.query.FindApiTokenByHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the look-up every token-authenticated request makes: the token and its holder in one indexed join. Plain
 * JDBC on purpose: through JPA (two entity loads in a transaction) it was the single largest cost of a request in the
 * benchmark's profile.
 */
@Component
class ApiTokenGrants {

    private final JdbcTemplate jdbc;

    ApiTokenGrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<ApiTokenGrant> handle(FindApiTokenByHash query) {
        return jdbc.query("""
                        select t.id as token_id, t.scopes, t.expires_at, t.revoked_at,
                               a.id, a.email, a.display_name, a.admin, a.email_verified, a.github_login, a.passkeys,
                               a.session_epoch, a.created_at
                        from api_token t join user_account a on a.id = t.user_id
                        where t.hash = ?
                        """, (rs, n) -> grant(rs), query.hash()).stream().findFirst();
    }

    private static ApiTokenGrant grant(ResultSet rs) throws SQLException {
        Account holder = new Account(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                AccountQueries.roles(rs.getBoolean("admin")),
                rs.getBoolean("email_verified"),
                rs.getString("github_login"),
                rs.getInt("passkeys"),
                rs.getLong("session_epoch"),
                instant(rs, "created_at"));
        return new ApiTokenGrant(
                rs.getString("token_id"),
                holder.id(),
                AccountQueries.scopes(rs.getString("scopes")),
                instant(rs, "expires_at"),
                rs.getTimestamp("revoked_at") != null,
                holder);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
