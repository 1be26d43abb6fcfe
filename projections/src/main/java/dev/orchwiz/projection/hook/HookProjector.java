package dev.orchwiz.projection.hook;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.event.HookRegistered;
import dev.orchwiz.api.hook.event.HookRemoved;
import dev.orchwiz.api.hook.event.HookRevised;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Fills {@code hook}; rows remember the aggregate sequence they applied, so a repeated event changes nothing. */
@Component
@ProcessingGroup(HookProjector.PROCESSING_GROUP)
class HookProjector {

    static final String PROCESSING_GROUP = "hooks";

    private final NamedParameterJdbcTemplate jdbc;

    HookProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            HookRegistered event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into hook (id, owner_id, name, event, matcher, type, url, command, session_id, subagent_id,
                    timeout_seconds, active, on_failure, created_at, version)
                values (:id, :owner, :name, :event, :matcher, :type, :url, :command, :session, :subagent,
                    :timeout, :active, :onFailure, :at, :version)
                on conflict (id) do nothing
                """,
                definition(event.definition())
                        .addValue("id", event.hookId().value())
                        .addValue("owner", event.ownerId().value())
                        .addValue("at", Timestamp.from(at))
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(HookRevised event, @SequenceNumber long sequence) {
        jdbc.update(
                """
                update hook set name = :name, event = :event, matcher = :matcher, type = :type, url = :url,
                    command = :command, session_id = :session, subagent_id = :subagent, timeout_seconds = :timeout,
                    active = :active, on_failure = :onFailure, version = :version
                where id = :id and version < :version
                """,
                definition(event.definition())
                        .addValue("id", event.hookId().value())
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(HookRemoved event) {
        jdbc.update(
                "delete from hook where id = :id",
                new MapSqlParameterSource("id", event.hookId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from hook");
    }

    private static MapSqlParameterSource definition(HookDefinition definition) {
        return new MapSqlParameterSource()
                .addValue("name", definition.name())
                .addValue("event", definition.event().name())
                .addValue("matcher", definition.matcher())
                .addValue("type", definition.type().name())
                .addValue("url", definition.url())
                .addValue("command", definition.command())
                .addValue(
                        "session",
                        definition.sessionId() == null
                                ? null
                                : definition.sessionId().value())
                .addValue(
                        "subagent",
                        definition.subagentId() == null
                                ? null
                                : definition.subagentId().value())
                .addValue("timeout", definition.timeoutSeconds())
                .addValue("active", definition.active())
                .addValue(
                        "onFailure",
                        HookFailurePolicy.orDefault(definition.onFailure()).name());
    }
}
