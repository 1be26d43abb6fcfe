package dev.orchwiz.projection.hook;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.event.HookRegistered;
import dev.orchwiz.api.hook.event.HookRemoved;
import dev.orchwiz.api.hook.event.HookRevised;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.VersionedRows;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Fills {@code hook}; rows remember the aggregate sequence they applied, so a repeated event changes nothing. */
@Component
@ProcessingGroup(HookProjector.PROCESSING_GROUP)
class HookProjector {

    static final String PROCESSING_GROUP = "hooks";

    private static final String INSERT = """
            (id, owner_id, name, event, matcher, type, url, command, session_id, subagent_id, timeout_seconds, active,
            on_failure, created_at, version)
            values (:id, :owner, :name, :event, :matcher, :type, :url, :command, :session, :subagent, :timeout, :active,
            :onFailure, :at, :version)""";

    private static final String REVISED = """
                name = :name, event = :event, matcher = :matcher, type = :type, url = :url, command = :command,
                session_id = :session, subagent_id = :subagent, timeout_seconds = :timeout, active = :active,
                on_failure = :onFailure""";

    private final VersionedRows rows;

    HookProjector(NamedParameterJdbcTemplate jdbc) {
        this.rows = new VersionedRows(jdbc, "hook");
    }

    @EventHandler
    void on(HookRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.insertOwned(event.hookId(), event.ownerId(), at, sequence, INSERT, definition(event.definition()));
    }

    @EventHandler
    void on(HookRevised event, @SequenceNumber long sequence) {
        rows.update(event.hookId().value(), sequence, REVISED, definition(event.definition()));
    }

    @EventHandler
    void on(HookRemoved event) {
        rows.delete(event.hookId().value());
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    private static MapSqlParameterSource definition(HookDefinition definition) {
        return new MapSqlParameterSource()
                .addValue("name", definition.name())
                .addValue("event", definition.event().name())
                .addValue("matcher", definition.matcher())
                .addValue("type", definition.type().name())
                .addValue("url", definition.url())
                .addValue("command", definition.command())
                .addValue("session", Columns.uuid(definition.sessionId()))
                .addValue("subagent", Columns.uuid(definition.subagentId()))
                .addValue("timeout", definition.timeoutSeconds())
                .addValue("active", definition.active())
                .addValue(
                        "onFailure",
                        HookFailurePolicy.orDefault(definition.onFailure()).name());
    }
}
