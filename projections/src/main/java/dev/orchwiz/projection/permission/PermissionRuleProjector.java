package dev.orchwiz.projection.permission;

import dev.orchwiz.api.permission.event.PermissionRuleAdded;
import dev.orchwiz.api.permission.event.PermissionRuleRemoved;
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

    private final NamedParameterJdbcTemplate jdbc;

    PermissionRuleProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PermissionRuleAdded event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into permission_rule (id, owner_id, rule, outcome, scope, subagent_id, session_id, created_at)
                values (:id, :owner, :rule, :outcome, :scope, :subagent, :session, :at)
                on conflict (id) do nothing
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.ruleId().value())
                        .addValue("owner", event.ownerId().value())
                        .addValue("rule", event.rule())
                        .addValue("outcome", event.outcome().name())
                        .addValue("scope", event.scope().name())
                        .addValue(
                                "subagent",
                                event.subagentId() == null
                                        ? null
                                        : event.subagentId().value())
                        .addValue(
                                "session",
                                event.sessionId() == null
                                        ? null
                                        : event.sessionId().value())
                        .addValue("at", Timestamp.from(at)));
    }

    @EventHandler
    void on(PermissionRuleRemoved event) {
        jdbc.update(
                "delete from permission_rule where id = :id",
                new MapSqlParameterSource("id", event.ruleId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from permission_rule");
    }
}
