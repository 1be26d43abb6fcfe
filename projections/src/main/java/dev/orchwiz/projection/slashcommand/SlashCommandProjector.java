package dev.orchwiz.projection.slashcommand;

import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import dev.orchwiz.api.slashcommand.SlashCommandKind;
import dev.orchwiz.api.slashcommand.event.SlashCommandDefined;
import dev.orchwiz.api.slashcommand.event.SlashCommandDeleted;
import dev.orchwiz.api.slashcommand.event.SlashCommandRevised;
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

/** Fills {@code slash_command}; each row keeps the aggregate sequence it applied, so a repeated event changes nothing. */
@Component
@ProcessingGroup(SlashCommandProjector.PROCESSING_GROUP)
class SlashCommandProjector {

    static final String PROCESSING_GROUP = "slash-commands";

    private static final String INSERT = """
            (id, owner_id, name, description, script, working_directory, argument_hint, allowed_tools, model, shared,
            frontmatter, kind, created_at, updated_at, version)
            values (:id, :owner, :name, :description, :script, :workingDirectory, :argumentHint,
            cast(:allowedTools as jsonb), :model, :shared, cast(:frontmatter as json), :kind, :at, :at, :version)""";

    private static final String REVISED = """
                name = :name, description = :description, script = :script, working_directory = :workingDirectory,
                argument_hint = :argumentHint, allowed_tools = cast(:allowedTools as jsonb), model = :model,
                shared = :shared, frontmatter = cast(:frontmatter as json), kind = :kind""";

    private final VersionedRows rows;

    SlashCommandProjector(NamedParameterJdbcTemplate jdbc) {
        this.rows = new VersionedRows(jdbc, "slash_command");
    }

    @EventHandler
    void on(SlashCommandDefined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.insertOwned(event.commandId(), event.ownerId(), at, sequence, INSERT, definition(event.definition()));
    }

    @EventHandler
    void on(SlashCommandRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.revise(event.commandId().value(), sequence, at, REVISED, definition(event.definition()));
    }

    @EventHandler
    void on(SlashCommandDeleted event) {
        rows.delete(event.commandId().value());
    }

    @ResetHandler
    void reset() {
        rows.clear();
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
                .addValue("frontmatter", Jsonb.write(definition.frontmatter()))
                // Events written before kinds existed carry none: those commands were all scripts.
                .addValue("kind", SlashCommandKind.orScript(definition.kind()).wireName());
    }
}
