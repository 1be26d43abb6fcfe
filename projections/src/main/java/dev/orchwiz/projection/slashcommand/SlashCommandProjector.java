package dev.orchwiz.projection.slashcommand;

import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import dev.orchwiz.api.slashcommand.event.SlashCommandDefined;
import dev.orchwiz.api.slashcommand.event.SlashCommandDeleted;
import dev.orchwiz.api.slashcommand.event.SlashCommandRevised;
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

/** Fills {@code slash_command}; each row keeps the aggregate sequence it applied, so a repeated event changes nothing. */
@Component
@ProcessingGroup(SlashCommandProjector.PROCESSING_GROUP)
class SlashCommandProjector {

    static final String PROCESSING_GROUP = "slash-commands";

    private final NamedParameterJdbcTemplate jdbc;

    SlashCommandProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            SlashCommandDefined event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        MapSqlParameterSource row = definition(event.definition())
                .addValue("id", event.commandId().value())
                .addValue("owner", event.ownerId().value())
                .addValue("at", Timestamp.from(at))
                .addValue("version", sequence);
        jdbc.update("""
                insert into slash_command (id, owner_id, name, description, script, working_directory, argument_hint,
                    allowed_tools, model, shared, frontmatter, created_at, updated_at, version)
                values (:id, :owner, :name, :description, :script, :workingDirectory, :argumentHint,
                    cast(:allowedTools as jsonb), :model, :shared, cast(:frontmatter as json), :at, :at, :version)
                on conflict (id) do nothing
                """, row);
    }

    @EventHandler
    void on(
            SlashCommandRevised event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        MapSqlParameterSource row = definition(event.definition())
                .addValue("id", event.commandId().value())
                .addValue("at", Timestamp.from(at))
                .addValue("version", sequence);
        jdbc.update("""
                update slash_command set name = :name, description = :description, script = :script,
                    working_directory = :workingDirectory, argument_hint = :argumentHint,
                    allowed_tools = cast(:allowedTools as jsonb), model = :model, shared = :shared,
                    frontmatter = cast(:frontmatter as json), updated_at = :at, version = :version
                where id = :id and version < :version
                """, row);
    }

    @EventHandler
    void on(SlashCommandDeleted event) {
        jdbc.update(
                "delete from slash_command where id = :id",
                new MapSqlParameterSource("id", event.commandId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from slash_command");
    }

    private static MapSqlParameterSource definition(SlashCommandDefinition definition) {
        return new MapSqlParameterSource()
                .addValue("name", definition.name())
                .addValue("description", definition.description())
                .addValue("script", definition.script())
                .addValue("workingDirectory", definition.workingDirectory())
                .addValue("argumentHint", definition.argumentHint())
                .addValue("allowedTools", Jsonb.write(definition.allowedTools()))
                .addValue("model", definition.model())
                .addValue("shared", definition.shared())
                .addValue("frontmatter", Jsonb.write(definition.frontmatter()));
    }
}
