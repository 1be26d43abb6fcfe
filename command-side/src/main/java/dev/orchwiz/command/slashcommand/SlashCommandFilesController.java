package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.SlashCommandKind;
import dev.orchwiz.api.slashcommand.command.DefineSlashCommand;
import dev.orchwiz.api.slashcommand.command.SlashCommandChanged;
import dev.orchwiz.api.slashcommand.query.FindSlashCommand;
import dev.orchwiz.api.slashcommand.query.SlashCommandView;
import dev.orchwiz.command.claudecode.ClaudeCodeFileInvalid;
import dev.orchwiz.command.claudecode.CommandFile;
import dev.orchwiz.command.claudecode.FileImport;
import dev.orchwiz.command.claudecode.FileImport.ImportFile;
import dev.orchwiz.command.claudecode.FileImport.ImportResult;
import dev.orchwiz.command.claudecode.Frontmatter;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.MarkdownAttachment;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Claude Code command files in and out. Every frontmatter key is kept as written, so a file exported unchanged is the
 * file that was imported, unknown keys included.
 */
@RestController
class SlashCommandFilesController {

    static final int FILES_PER_IMPORT = 100;

    /**
     * OrchWiz's own frontmatter key for the kind. Claude Code command files are prompts, so a file without it imports
     * as a prompt; a script exports with {@code orchwiz-kind: script} so it comes back as a script. Claude Code ignores
     * keys it does not know.
     */
    static final String KIND_KEY = "orchwiz-kind";

    private static final FileImport COMMAND_FILES = new FileImport(
            "command files",
            "command.md",
            FILES_PER_IMPORT,
            detail -> new SlashCommandRefusal(SlashCommandError.INVALID_INPUT, detail));

    private final CommandSender commands;
    private final QueryGateway queries;

    SlashCommandFilesController(CommandSender commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * {@code kind} is what a file without {@value #KIND_KEY} becomes (default {@code prompt}): {@code script} reads
     * back files exported before exports carried the key.
     */
    record Import(List<ImportFile> files, String kind) {}

    @PostMapping({"/api/slash-commands/import", "/api/commands/import"})
    ImportResult importFiles(Actor actor, @RequestBody Import body) {
        List<ImportFile> files = COMMAND_FILES.checked(body == null ? null : body.files());
        SlashCommandKind unmarked = SlashCommandController.kind(body.kind()).orElse(SlashCommandKind.PROMPT);
        return COMMAND_FILES.run(files, (path, content) -> {
            CommandFile parsed = CommandFile.parse(path, content);
            SlashCommandDefinition definition = new SlashCommandDefinition(
                    parsed.name(),
                    parsed.description(),
                    parsed.body(),
                    null,
                    parsed.argumentHint(),
                    parsed.allowedTools(),
                    parsed.model(),
                    false,
                    parsed.frontmatter().storedEntries(),
                    kindOf(path, parsed.frontmatter(), unmarked));
            SlashCommandId id = SlashCommandId.random();
            SlashCommandChanged changed = commands.send(
                    new DefineSlashCommand(id, actor, definition), () -> SlashCommandController.missing(id.toString()));
            return new FileImport.Written(changed.commandId().toString(), parsed.name());
        });
    }

    @GetMapping({"/api/slash-commands/{id}/export", "/api/commands/{id}/export"})
    ResponseEntity<byte[]> export(Actor actor, @PathVariable String id) {
        SlashCommandView command = queries.query(
                        new FindSlashCommand(actor, SlashCommandController.commandId(id)),
                        ResponseTypes.optionalInstanceOf(SlashCommandView.class))
                .join()
                .orElseThrow(() -> SlashCommandController.missing(id));
        Frontmatter stored = Frontmatter.ofStored(command.frontmatter());
        // No tools is stored as an empty list; a file that had no allowed-tools key gets none back.
        boolean noTools =
                command.allowedTools() == null || command.allowedTools().isEmpty();
        CommandFile file = new CommandFile(
                command.name(),
                command.description(),
                command.argumentHint(),
                noTools && !stored.has(CommandFile.ALLOWED_TOOLS) ? null : command.allowedTools(),
                command.model(),
                command.script(),
                stored);
        // The fields first, then the kind: a new key goes last, after the keys Claude Code knows.
        CommandFile synced = file.withFields(
                file.description(), file.argumentHint(), file.allowedTools(), file.model(), file.body());
        String text = new CommandFile(
                        synced.name(),
                        synced.description(),
                        synced.argumentHint(),
                        synced.allowedTools(),
                        synced.model(),
                        synced.body(),
                        withKind(synced.frontmatter(), command.kind()))
                .render();
        String fileName = command.name().replace(':', '-') + ".md";
        return MarkdownAttachment.of(fileName, text);
    }

    private static SlashCommandKind kindOf(String path, Frontmatter frontmatter, SlashCommandKind unmarked) {
        Optional<String> marked = frontmatter.text(KIND_KEY);
        if (marked.isEmpty()) {
            return unmarked;
        }
        try {
            return WireNamed.fromWire(SlashCommandKind.class, marked.get().trim());
        } catch (IllegalArgumentException unknown) {
            throw new ClaudeCodeFileInvalid(path, 0, KIND_KEY + " " + unknown.getMessage());
        }
    }

    /**
     * A script is marked so it reads back as one; a prompt is what Claude Code expects anyway, so it carries the key
     * only when its file already did (kept, with the prompt's value, so a round trip changes no byte).
     */
    static Frontmatter withKind(Frontmatter frontmatter, String kind) {
        boolean script = kind == null || SlashCommandKind.SCRIPT.wireName().equals(kind);
        if (script) {
            return frontmatter.with(KIND_KEY, SlashCommandKind.SCRIPT.wireName());
        }
        return frontmatter.has(KIND_KEY) ? frontmatter.with(KIND_KEY, SlashCommandKind.PROMPT.wireName()) : frontmatter;
    }
}
