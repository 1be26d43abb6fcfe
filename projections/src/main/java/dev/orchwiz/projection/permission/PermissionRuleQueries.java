package dev.orchwiz.projection.permission;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.permission.query.ApplicableRules;
import dev.orchwiz.api.permission.query.FindApplicableRules;
import dev.orchwiz.api.permission.query.ListPermissionRules;
import dev.orchwiz.api.permission.query.PermissionRulePage;
import dev.orchwiz.api.permission.query.PermissionRuleView;
import dev.orchwiz.api.toolcall.PermissionOutcome;
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
                .addValue(
                        "session",
                        query.sessionId() == null ? null : query.sessionId().value())
                .addValue(
                        "subagent",
                        query.subagentId() == null ? null : query.subagentId().value());
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
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("viewer", viewer.id().value())
                .addValue("limit", query.size())
                .addValue("offset", (long) query.page() * query.size());
        // Everyone sees the global rules that bind them; admins see every user's rules too.
        StringBuilder where =
                new StringBuilder(viewer.admin() ? " where true" : " where (owner_id = :viewer or scope = 'GLOBAL')");
        if (query.scope() != null) {
            where.append(" and scope = :scope");
            parameters.addValue("scope", query.scope().name());
        }
        if (query.outcome() != null) {
            where.append(" and outcome = :outcome");
            parameters.addValue("outcome", query.outcome().name());
        }
        if (query.subagentId() != null) {
            where.append(" and subagent_id = :subagent");
            parameters.addValue("subagent", query.subagentId().value());
        }
        if (query.sessionId() != null) {
            where.append(" and session_id = :session");
            parameters.addValue("session", query.sessionId().value());
        }
        Long total = jdbc.queryForObject("select count(*) from permission_rule" + where, parameters, Long.class);
        List<PermissionRuleView> items = jdbc.query(
                "select * from permission_rule" + where + " order by scope, created_at, id limit :limit offset :offset",
                parameters,
                (rs, n) -> view(rs));
        long totalItems = total == null ? 0 : total;
        return new PermissionRulePage(
                items, query.page(), query.size(), totalItems, (int) ((totalItems + query.size() - 1) / query.size()));
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
                rs.getTimestamp("created_at").toInstant());
    }
}
