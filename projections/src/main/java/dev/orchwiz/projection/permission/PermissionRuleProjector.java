package dev.orchwiz.projection.permission;

import dev.orchwiz.api.permission.event.PermissionRuleAdded;
import dev.orchwiz.api.permission.event.PermissionRuleRemoved;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.VersionedRows;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Fills {@code permission_rule}; a rule added twice (a replay) is kept once. */
@Component
@ProcessingGroup(PermissionRuleProjector.PROCESSING_GROUP)
class PermissionRuleProjector {

    static final String PROCESSING_GROUP = "permission-rules";

    private final VersionedRows rows;

    PermissionRuleProjector(NamedParameterJdbcTemplate jdbc) {
        this.rows = new VersionedRows(jdbc, "permission_rule");
    }

    @EventHandler
    void on(PermissionRuleAdded event, @org.axonframework.eventhandling.Timestamp Instant at) {
        rows.insert(
                """
                (id, owner_id, rule, outcome, scope, subagent_id, session_id, created_at)
                values (:id, :owner, :rule, :outcome, :scope, :subagent, :session, :at)""",
                new MapSqlParameterSource()
                        .addValue("id", event.ruleId().value())
                        .addValue("owner", event.ownerId().value())
                        .addValue("rule", event.rule())
                        .addValue("outcome", event.outcome().name())
                        .addValue("scope", event.scope().name())
                        .addValue("subagent", Columns.uuid(event.subagentId()))
                        .addValue("session", Columns.uuid(event.sessionId()))
                        .addValue("at", Timestamp.from(at)));
    }

    @EventHandler
    void on(PermissionRuleRemoved event) {
        rows.delete(event.ruleId().value());
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }
}
