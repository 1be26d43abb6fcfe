package dev.orchwiz.projection.permission;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.permission.query.ApplicableRules;
import dev.orchwiz.api.permission.query.FindApplicableRules;
import dev.orchwiz.api.permission.query.ListPermissionRules;
import dev.orchwiz.api.permission.query.PermissionRulePage;
import dev.orchwiz.api.permission.query.PermissionRuleView;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.RowPage;
import dev.orchwiz.projection.rows.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers rule questions. Only the owner's rules and global ones are ever returned for a call: the original applied
 * every user's rules to everyone's calls, which this query makes impossible by construction.
 */
@Component
class PermissionRuleQueries {

    private final NamedParameterJdbcTemplate jdbc;

    PermissionRuleQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ApplicableRules handle(FindApplicableRules query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("owner", query.ownerId().value())
                .addValue("session", Columns.uuid(query.sessionId()))
                .addValue("subagent", Columns.uuid(query.subagentId()));
        List<PermissionRuleView> rules = jdbc.query("""
                select * from permission_rule
                where scope = 'GLOBAL'
                   or (owner_id = :owner and (scope = 'USER'
                       or (scope = 'SESSION' and session_id = cast(:session as uuid))
                       or (scope = 'SUBAGENT' and subagent_id = cast(:subagent as uuid))))
                order by created_at, id
                """, parameters, (rs, n) -> view(rs));
        return new ApplicableRules(rules);
    }

    @QueryHandler
    public PermissionRulePage handle(ListPermissionRules query) {
        Actor viewer = query.viewer();
        // Everyone sees the global rules that bind them; admins see every user's rules too.
        Where where = new Where(
                        viewer.admin() ? "true" : "(owner_id = :viewer or scope = 'GLOBAL')",
                        new MapSqlParameterSource("viewer", viewer.id().value()))
                .and("scope = :scope", "scope", Columns.name(query.scope()))
                .and("outcome = :outcome", "outcome", Columns.name(query.outcome()))
                .and("subagent_id = :subagent", "subagent", Columns.uuid(query.subagentId()))
                .and("session_id = :session", "session", Columns.uuid(query.sessionId()));
        return RowPage.read(
                        jdbc,
                        "select count(*) from permission_rule" + where,
                        "select * from permission_rule" + where + " order by scope, created_at, id",
                        where.parameters(),
                        query,
                        (rs, n) -> view(rs))
                .answer(PermissionRulePage::new, query);
    }

    private static PermissionRuleView view(ResultSet rs) throws SQLException {
        return new PermissionRuleView(
                rs.getString("id"),
                rs.getString("rule"),
                PermissionOutcome.valueOf(rs.getString("outcome")),
                RuleScope.valueOf(rs.getString("scope")),
                rs.getString("subagent_id"),
                rs.getString("session_id"),
                rs.getString("owner_id"),
                Columns.instant(rs, "created_at"));
    }
}
