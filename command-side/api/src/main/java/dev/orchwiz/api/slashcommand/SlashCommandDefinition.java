package dev.orchwiz.api.slashcommand;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;

/** Everything a user says about a command; {@code frontmatter} keeps the Claude Code keys of an imported file, each value as written without the space after its colon, so an export gives it back unchanged; {@code kind} says whether {@code script} is a shell script or a prompt template. */
public record SlashCommandDefinition(
        String name,
        String description,
        String script,
        String workingDirectory,
        String argumentHint,
        List<String> allowedTools,
        String model,
        boolean shared,
        Map<String, String> frontmatter,
        SlashCommandKind kind) {

    /** The canonical constructor is the one events are read with; {@code kind} is null in events older than kinds. */
    @JsonCreator
    public SlashCommandDefinition {}

    /** A script command: what every definition was before prompt commands existed. */
    public SlashCommandDefinition(
            String name,
            String description,
            String script,
            String workingDirectory,
            String argumentHint,
            List<String> allowedTools,
            String model,
            boolean shared,
            Map<String, String> frontmatter) {
        this(
                name,
                description,
                script,
                workingDirectory,
                argumentHint,
                allowedTools,
                model,
                shared,
                frontmatter,
                SlashCommandKind.SCRIPT);
    }
}
