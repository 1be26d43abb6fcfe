package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.SlashCommandKind;
import dev.orchwiz.api.slashcommand.command.DefineSlashCommand;
import dev.orchwiz.api.slashcommand.command.DeleteSlashCommand;
import dev.orchwiz.api.slashcommand.command.ReviseSlashCommand;
import dev.orchwiz.api.slashcommand.command.SlashCommandChanged;
import dev.orchwiz.api.slashcommand.query.FindSlashCommand;
import dev.orchwiz.api.slashcommand.query.SlashCommandView;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import dev.orchwiz.command.web.Written;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Turns slash command writes into commands; a revision is a partial update over what the read side shows. */
@RestController
@RequestMapping({"/api/slash-commands", "/api/commands"})
class SlashCommandController {

    private final CommandSender commands;
    private final QueryGateway queries;

    SlashCommandController(CommandSender commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record CommandInput(
            @SingleLine String name,
            String description,
            String script,
            @SingleLine String workingDirectory,
            @SingleLine String argumentHint,
            @SingleLine List<String> allowedTools,
            @SingleLine String model,
            Boolean shared,
            @SingleLine String kind) {}

    @PostMapping
    ResponseEntity<Written> define(Actor actor, @RequestBody CommandInput body) {
        SlashCommandId id = SlashCommandId.random();
        SlashCommandDefinition definition = new SlashCommandDefinition(
                body.name(),
                body.description(),
                body.script(),
                body.workingDirectory(),
                body.argumentHint(),
                body.allowedTools(),
                body.model(),
                Boolean.TRUE.equals(body.shared()),
                Map.of(),
                kind(body.kind()).orElse(SlashCommandKind.SCRIPT));
        SlashCommandChanged changed =
                commands.send(new DefineSlashCommand(id, actor, definition), () -> missing(id.toString()));
        return IfMatch.created("/api/slash-commands/" + id, Written.of(id, changed.version()));
    }

    @PatchMapping("/{id}")
    ResponseEntity<Written> revise(
            Actor actor, @PathVariable String id, @ExpectedVersion Long expected, @RequestBody CommandInput body) {
        SlashCommandId commandId = commandId(id);
        SlashCommandView current = detail(actor, commandId).orElseThrow(() -> missing(id));
        SlashCommandDefinition definition = new SlashCommandDefinition(
                valueOr(body.name(), current.name()),
                valueOr(body.description(), current.description()),
                valueOr(body.script(), current.script()),
                valueOr(body.workingDirectory(), current.workingDirectory()),
                valueOr(body.argumentHint(), current.argumentHint()),
                body.allowedTools() == null ? current.allowedTools() : body.allowedTools(),
                valueOr(body.model(), current.model()),
                body.shared() == null ? current.shared() : body.shared(),
                current.frontmatter(),
                kind(body.kind()).orElseGet(() -> kind(current.kind()).orElse(SlashCommandKind.SCRIPT)));
        SlashCommandChanged changed =
                commands.send(new ReviseSlashCommand(commandId, actor, expected, definition), () -> missing(id));
        return IfMatch.revised(Written.of(commandId, changed.version()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String id) {
        SlashCommandId commandId = commandId(id);
        commands.<Object>send(new DeleteSlashCommand(commandId, actor), () -> missing(id));
        return ResponseEntity.noContent().build();
    }

    private Optional<SlashCommandView> detail(Actor actor, SlashCommandId id) {
        return queries.query(new FindSlashCommand(actor, id), ResponseTypes.optionalInstanceOf(SlashCommandView.class))
                .join();
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** {@code script} or {@code prompt}, exactly; anything else is refused rather than guessed. */
    static Optional<SlashCommandKind> kind(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(WireNamed.fromWire(SlashCommandKind.class, wireName));
        } catch (IllegalArgumentException unknown) {
            throw new SlashCommandRefusal(SlashCommandError.INVALID_INPUT, "kind " + unknown.getMessage());
        }
    }

    static SlashCommandId commandId(String id) {
        return SlashCommandId.parse(id).orElseThrow(() -> missing(id));
    }

    static SlashCommandRefusal missing(String id) {
        return new SlashCommandRefusal(SlashCommandError.NOT_FOUND, "No slash command " + id);
    }
}
