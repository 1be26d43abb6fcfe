package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.hook.command.RegisterHook;
import dev.orchwiz.api.hook.query.HookPage;
import dev.orchwiz.api.hook.query.HookView;
import dev.orchwiz.api.hook.query.ListHooks;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import dev.orchwiz.command.claudecode.ClaudeCodeFileInvalid;
import dev.orchwiz.command.claudecode.SettingsFile;
import dev.orchwiz.command.web.CommandSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The {@code hooks} section of a Claude Code {@code settings.json}, in and out. OrchWiz fires PreToolUse and
 * PostToolUse hooks of type {@code command} and {@code http} (a webhook); other events and types are reported as
 * skipped rather than silently dropped.
 */
@RestController
class HookSettingsController {

    static final int HOOKS_PER_IMPORT = 100;
    /** How many generated names an import tries for one hook before it reports the name as taken. */
    static final int NAME_ATTEMPTS = 1_000;

    private final CommandSender commands;
    private final QueryGateway queries;
    private final HookTargets targets;

    HookSettingsController(CommandSender commands, QueryGateway queries, HookTargets targets) {
        this.commands = commands;
        this.queries = queries;
        this.targets = targets;
    }

    record Import(JsonNode settings) {}

    record ImportedHook(String id, String name, String secret) {}

    record Skipped(String event, String matcher, String type, String reason) {}

    record ImportResult(List<ImportedHook> imported, List<Skipped> skipped) {}

    @PostMapping("/api/hooks/import")
    ImportResult importSettings(Actor actor, @RequestBody Import body) {
        if (body == null || body.settings() == null || !body.settings().isObject()) {
            throw new HookRefusal(HookError.INVALID_INPUT, "settings must be a settings.json object");
        }
        List<SettingsFile.HookEntry> entries;
        try {
            entries = SettingsFile.hooks(body.settings());
        } catch (ClaudeCodeFileInvalid invalid) {
            throw new HookRefusal(HookError.INVALID_INPUT, invalid.getMessage());
        }
        if (entries.size() > HOOKS_PER_IMPORT) {
            throw new HookRefusal(HookError.INVALID_INPUT, "at most " + HOOKS_PER_IMPORT + " hooks per import");
        }
        List<ImportedHook> imported = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int number = 1;
        for (SettingsFile.HookEntry entry : entries) {
            Optional<HookEventName> event = event(entry.event());
            HookType type = "command".equals(entry.type())
                    ? HookType.COMMAND
                    : "http".equals(entry.type()) ? HookType.WEBHOOK : null;
            if (event.isEmpty() || type == null) {
                skipped.add(new Skipped(
                        entry.event(),
                        entry.matcher(),
                        entry.type(),
                        "OrchWiz fires PreToolUse and PostToolUse hooks of type command or http"));
                continue;
            }
            String stem = entry.event() + " " + (entry.matcher().isBlank() ? "*" : entry.matcher()) + " #";
            try {
                HookDefinition definition = targets.checked(
                        actor,
                        new HookDefinition(
                                stem + number,
                                event.get(),
                                entry.matcher(),
                                type,
                                entry.url(),
                                entry.command(),
                                null,
                                null,
                                entry.timeoutSeconds(),
                                true,
                                HookFailurePolicy.BLOCK));
                number = register(actor, definition, stem, number, imported) + 1;
            } catch (RuleViolation refused) {
                skipped.add(new Skipped(entry.event(), entry.matcher(), entry.type(), refused.getMessage()));
            }
        }
        return new ImportResult(imported, skipped);
    }

    /**
     * Registers the hook under the first free generated name from {@code number} on (names are unique per owner, and
     * an earlier import may have used the same ones); answers the number it took.
     */
    private int register(Actor actor, HookDefinition definition, String stem, int number, List<ImportedHook> imported) {
        for (int candidate = number; ; candidate++) {
            String name = stem + candidate;
            HookDefinition named = new HookDefinition(
                    name,
                    definition.event(),
                    definition.matcher(),
                    definition.type(),
                    definition.url(),
                    definition.command(),
                    definition.sessionId(),
                    definition.subagentId(),
                    definition.timeoutSeconds(),
                    definition.active(),
                    definition.onFailure());
            HookId id = HookId.random();
            try {
                HookRegistration.Written written =
                        commands.send(new RegisterHook(id, actor, named), () -> HookController.missing(id.toString()));
                imported.add(new ImportedHook(id.toString(), name, written.secret()));
                return candidate;
            } catch (HookRefusal refused) {
                if (refused.errorCode() != HookError.NAME_TAKEN || candidate >= number + NAME_ATTEMPTS) {
                    throw refused;
                }
            }
        }
    }

    @GetMapping("/api/hooks/export")
    JsonNode export(Actor actor) {
        List<SettingsFile.HookEntry> entries = new ArrayList<>();
        int page = 0;
        HookPage found;
        do {
            found = queries.query(new ListHooks(actor, page++, 100), ResponseTypes.instanceOf(HookPage.class))
                    .join();
            for (HookView hook : found.items()) {
                if (!hook.ownerId().equals(actor.id().value())) {
                    continue;
                }
                boolean webhook = hook.type() == HookType.WEBHOOK;
                entries.add(new SettingsFile.HookEntry(
                        hook.event().wireName(),
                        hook.matcher(),
                        webhook ? "http" : "command",
                        webhook ? null : hook.command(),
                        webhook ? hook.url() : null,
                        hook.timeoutSeconds(),
                        Map.of()));
            }
        } while (page < found.totalPages());
        return SettingsFile.withHooks(null, entries);
    }

    private static Optional<HookEventName> event(String name) {
        for (HookEventName event : HookEventName.values()) {
            if (event.wireName().equals(name)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
