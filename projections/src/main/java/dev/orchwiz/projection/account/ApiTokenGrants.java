package dev.orchwiz.projection.account;

import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.ApiTokenGrant;
import dev.orchwiz.api.identity.query.FindApiTokenByHash;
import dev.orchwiz.projection.rows.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the look-up every token-authenticated request makes: the token and its holder in one indexed join. One
 * statement on purpose: as two entity loads in a transaction (JPA, before ADR 0013) it was the single largest cost of
 * a request in the benchmark's profile.
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
        Account holder = AccountQueries.account(rs);
        return new ApiTokenGrant(
                rs.getString("token_id"),
                holder.id(),
                AccountQueries.scopes(rs.getString("scopes")),
                Columns.instant(rs, "expires_at"),
                rs.getTimestamp("revoked_at") != null,
                holder);
    }
}
