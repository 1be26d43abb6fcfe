package dev.orchwiz.projection.subagent;

import dev.orchwiz.api.subagent.SubagentDefinition;
import dev.orchwiz.api.subagent.event.SubagentCreated;
import dev.orchwiz.api.subagent.event.SubagentDeleted;
import dev.orchwiz.api.subagent.event.SubagentPoliciesAssigned;
import dev.orchwiz.api.subagent.event.SubagentRevised;
import dev.orchwiz.projection.jsonb.Jsonb;
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

/** Fills {@code subagent}; rows remember the aggregate sequence they applied, so a repeated event changes nothing. */
@Component
@ProcessingGroup(SubagentProjector.PROCESSING_GROUP)
class SubagentProjector {

    static final String PROCESSING_GROUP = "subagents";

    private static final String INSERT = """
            (id, owner_id, name, description, prompt, tools, model, settings, shared, frontmatter, created_at,
            updated_at, version)
            values (:id, :owner, :name, :description, :prompt, cast(:tools as jsonb), :model, cast(:settings as jsonb),
            :shared, cast(:frontmatter as json), :at, :at, :version)""";

    private static final String REVISED = """
                name = :name, description = :description, prompt = :prompt, tools = cast(:tools as jsonb),
                model = :model, settings = cast(:settings as jsonb), shared = :shared,
                frontmatter = cast(:frontmatter as json)""";

    private final VersionedRows rows;

    SubagentProjector(NamedParameterJdbcTemplate jdbc) {
        this.rows = new VersionedRows(jdbc, "subagent");
    }

    @EventHandler
    void on(SubagentCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.insertOwned(event.subagentId(), event.ownerId(), at, sequence, INSERT, definition(event.definition()));
    }

    @EventHandler
    void on(SubagentRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.revise(event.subagentId().value(), sequence, at, REVISED, definition(event.definition()));
    }

    @EventHandler
    void on(SubagentPoliciesAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.revise(
                event.subagentId().value(),
                sequence,
                at,
                "policies = cast(:policies as jsonb)",
                new MapSqlParameterSource("policies", Jsonb.write(event.assignments())));
    }

    @EventHandler
    void on(SubagentDeleted event) {
        rows.delete(event.subagentId().value());
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    private static MapSqlParameterSource definition(SubagentDefinition definition) {
        return new MapSqlParameterSource()
                .addValue("name", definition.name())
                .addValue("description", definition.description())
                .addValue("prompt", definition.prompt())
                .addValue("tools", Jsonb.write(definition.tools()))
                .addValue("model", definition.model())
                .addValue("settings", Jsonb.write(definition.settings()))
                .addValue("shared", definition.shared())
                .addValue("frontmatter", Jsonb.write(definition.frontmatter()));
    }
}
