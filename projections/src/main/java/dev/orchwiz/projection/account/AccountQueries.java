package dev.orchwiz.projection.account;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.identity.Emails;
import dev.orchwiz.api.identity.NodeIds;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.SignupPolicy;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.AccountPage;
import dev.orchwiz.api.identity.query.ApiTokenPage;
import dev.orchwiz.api.identity.query.ApiTokenView;
import dev.orchwiz.api.identity.query.CountAdmins;
import dev.orchwiz.api.identity.query.FindAccount;
import dev.orchwiz.api.identity.query.FindAccountByEmail;
import dev.orchwiz.api.identity.query.FindInvitation;
import dev.orchwiz.api.identity.query.FindNodeSettings;
import dev.orchwiz.api.identity.query.Invitation;
import dev.orchwiz.api.identity.query.InvitationPage;
import dev.orchwiz.api.identity.query.ListAccounts;
import dev.orchwiz.api.identity.query.ListApiTokens;
import dev.orchwiz.api.identity.query.ListInvitations;
import dev.orchwiz.api.identity.query.NodeSettings;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.RowPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers account questions for sign-in, settings and administration. */
@Component
class AccountQueries {

    private final NamedParameterJdbcTemplate jdbc;

    AccountQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<Account> handle(FindAccount query) {
        return one("select * from user_account where id = :key", query.userId().value(), (rs, n) -> account(rs));
    }

    @QueryHandler
    public Optional<Account> handle(FindAccountByEmail query) {
        return one(
                "select * from user_account where email = :key",
                Emails.normalize(query.email()),
                (rs, n) -> account(rs));
    }

    @QueryHandler
    public AccountPage handle(ListAccounts query) {
        return all("user_account", "created_at, id", query.page(), query.size(), (rs, n) -> account(rs))
                .answer(AccountPage::new, query);
    }

    @QueryHandler
    public Long handle(CountAdmins query) {
        return jdbc.queryForObject(
                "select count(*) from user_account where admin", new MapSqlParameterSource(), Long.class);
    }

    @QueryHandler
    public ApiTokenPage handle(ListApiTokens query) {
        String live = " where user_id = :owner and revoked_at is null";
        RowPage<ApiTokenView> rows = RowPage.read(
                jdbc,
                "select count(*) from api_token" + live,
                "select * from api_token" + live + " order by created_at desc, id",
                new MapSqlParameterSource("owner", query.owner().value()),
                query,
                (rs, n) -> new ApiTokenView(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        scopes(rs.getString("scopes")),
                        Columns.instant(rs, "created_at"),
                        Columns.instant(rs, "expires_at"),
                        Columns.instant(rs, "last_used_at")));
        return rows.answer(ApiTokenPage::new, query);
    }

    @QueryHandler
    public NodeSettings handle(FindNodeSettings query) {
        Optional<NodeSettings> stored = one(
                "select * from node_settings where id = :key",
                NodeIds.THIS_NODE,
                (rs, n) -> new NodeSettings(
                        SignupPolicy.valueOf(rs.getString("signup_policy")),
                        rs.getBoolean("setup_complete"),
                        Set.of()));
        List<String> pending = jdbc.queryForList("select email from admin_claim", Map.of(), String.class);
        return new NodeSettings(
                stored.map(NodeSettings::signupPolicy).orElse(SignupPolicy.INVITE),
                stored.map(NodeSettings::setupComplete).orElse(false),
                new TreeSet<>(pending));
    }

    @QueryHandler
    public Optional<Invitation> handle(FindInvitation query) {
        return one(
                "select * from invitation where email = :key",
                Emails.normalize(query.email()),
                (rs, n) -> invitation(rs));
    }

    @QueryHandler
    public InvitationPage handle(ListInvitations query) {
        return all("invitation", "invited_at desc, email", query.page(), query.size(), (rs, n) -> invitation(rs))
                .answer(InvitationPage::new, query);
    }

    /** A page of all the rows of {@code table}, in {@code order}. */
    private <T> RowPage<T> all(String table, String order, int page, int size, RowMapper<T> row) {
        return RowPage.read(
                jdbc,
                "select count(*) from " + table,
                "select * from " + table + " order by " + order,
                new MapSqlParameterSource(),
                page,
                size,
                row);
    }

    /** The row a query finds by its {@code :key}, if there is one. */
    private <T> Optional<T> one(String select, Object key, RowMapper<T> row) {
        return jdbc.query(select, new MapSqlParameterSource("key", key), row).stream()
                .findFirst();
    }

    /** The account in the current row; {@link ApiTokenGrants} reads the holder of a token with it too. */
    static Account account(ResultSet rs) throws SQLException {
        return new Account(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                roles(rs.getBoolean("admin")),
                rs.getBoolean("email_verified"),
                rs.getString("github_login"),
                rs.getInt("passkeys"),
                rs.getLong("session_epoch"),
                Columns.instant(rs, "created_at"));
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(rs.getString("email"), rs.getString("invited_by"), Columns.instant(rs, "invited_at"));
    }

    /** Every account is a member; an admin is both. */
    static Set<Role> roles(boolean admin) {
        return admin ? EnumSet.of(Role.ADMIN, Role.MEMBER) : EnumSet.of(Role.MEMBER);
    }

    static Set<TokenScope> scopes(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(","))
                .map(name -> WireNamed.fromWire(TokenScope.class, name))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TokenScope.class)));
    }
}
