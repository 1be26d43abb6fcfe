package dev.orchwiz.projection.subagent;

import dev.orchwiz.api.subagent.SubagentDefinition;
import dev.orchwiz.api.subagent.event.SubagentCreated;
import dev.orchwiz.api.subagent.event.SubagentDeleted;
import dev.orchwiz.api.subagent.event.SubagentPoliciesAssigned;
import dev.orchwiz.api.subagent.event.SubagentRevised;
import dev.orchwiz.projection.jsonb.Jsonb;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Fills {@code subagent}; rows remember the aggregate sequence they applied, so a repeated event changes nothing. */
@Component
@ProcessingGroup(SubagentProjector.PROCESSING_GROUP)
class SubagentProjector {

    static final String PROCESSING_GROUP = "subagents";

    private final NamedParameterJdbcTemplate jdbc;

    SubagentProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            SubagentCreated event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into subagent (id, owner_id, name, description, prompt, tools, model, settings, shared,
                    frontmatter, created_at, updated_at, version)
                values (:id, :owner, :name, :description, :prompt, cast(:tools as jsonb), :model,
                    cast(:settings as jsonb), :shared, cast(:frontmatter as json), :at, :at, :version)
                on conflict (id) do nothing
                """,
                definition(event.definition())
                        .addValue("id", event.subagentId().value())
                        .addValue("owner", event.ownerId().value())
                        .addValue("at", Timestamp.from(at))
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(
            SubagentRevised event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                update subagent set name = :name, description = :description, prompt = :prompt,
                    tools = cast(:tools as jsonb), model = :model, settings = cast(:settings as jsonb), shared = :shared,
                    frontmatter = cast(:frontmatter as json), updated_at = :at, version = :version
                where id = :id and version < :version
                """,
                definition(event.definition())
                        .addValue("id", event.subagentId().value())
                        .addValue("at", Timestamp.from(at))
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(
            SubagentPoliciesAssigned event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update subagent set policies = cast(:policies as jsonb), updated_at = :at, version = :version"
                        + " where id = :id and version < :version",
                new MapSqlParameterSource()
                        .addValue("id", event.subagentId().value())
                        .addValue("policies", Jsonb.write(event.assignments()))
                        .addValue("at", Timestamp.from(at))
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(SubagentDeleted event) {
        jdbc.update(
                "delete from subagent where id = :id",
                new MapSqlParameterSource("id", event.subagentId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from subagent");
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
