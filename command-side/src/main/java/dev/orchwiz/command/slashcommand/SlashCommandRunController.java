package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.CatchUp;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.SlashCommandKind;
import dev.orchwiz.api.slashcommand.query.FindSlashCommand;
import dev.orchwiz.api.slashcommand.query.SlashCommandView;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import dev.orchwiz.api.toolcall.command.ToolCallChanged;
import dev.orchwiz.command.toolcall.ToolCallReads;
import dev.orchwiz.command.toolcall.ToolCallRequests;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs a slash command. A script, arguments substituted, becomes one {@code Bash} tool call, so every line of it passes
 * the permission rules (the original checked only the first line). A prompt, rendered, is a prompt in the session that
 * the session's agent answers in a run ({@link PromptCommandRuns}).
 */
@RestController
class SlashCommandRunController {

    private final QueryGateway queries;
    private final ToolCallRequests requests;
    private final ToolCallReads reads;
    private final PromptCommandRuns promptRuns;

    SlashCommandRunController(
            QueryGateway queries, ToolCallRequests requests, ToolCallReads reads, PromptCommandRuns promptRuns) {
        this.queries = queries;
        this.requests = requests;
        this.reads = reads;
        this.promptRuns = promptRuns;
    }

    record Run(String arguments, String sessionId, String subagentId) {}

    @PostMapping({"/api/slash-commands/{id}/execute", "/api/commands/{id}/execute"})
    ResponseEntity<?> execute(Actor actor, @PathVariable String id, @RequestBody(required = false) Run body) {
        Run run = body == null ? new Run(null, null, null) : body;
        SlashCommandId commandId = SlashCommandController.commandId(id);
        SlashCommandView command = find(actor, commandId).orElseThrow(() -> SlashCommandController.missing(id));
        if (run.arguments() != null && run.arguments().length() > CommandArguments.LIMIT) {
            throw new SlashCommandRefusal(
                    SlashCommandError.INVALID_INPUT,
                    "arguments must be at most " + CommandArguments.LIMIT + " characters");
        }
        if (SlashCommandKind.PROMPT.wireName().equals(command.kind())) {
            return runPrompt(actor, command, run);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("command", CommandArguments.substitute(command.script(), run.arguments()));
        input.put("description", "/" + command.name() + (run.arguments() == null ? "" : " " + run.arguments()));
        ToolCallChanged written = requests.request(
                actor,
                new ToolCallRequests.Call(
                        ToolCallOrigin.SLASH_COMMAND,
                        null,
                        parse(run.sessionId(), "sessionId").map(SessionId::of).orElse(null),
                        parse(run.subagentId(), "subagentId")
                                .map(SubagentId::of)
                                .orElse(null),
                        commandId,
                        command.name(),
                        ToolCallRequests.LOCAL_TOOL,
                        input,
                        null,
                        command.workingDirectory(),
                        false));
        return reads.accepted(actor, written);
    }

    /** 202 with the run: the prompt is recorded in the session and the agent's run answers it. */
    private ResponseEntity<PromptCommandRuns.StartedRun> runPrompt(Actor actor, SlashCommandView command, Run run) {
        SessionId sessionId = parse(run.sessionId(), "sessionId")
                .map(SessionId::of)
                .orElseThrow(() -> new SlashCommandRefusal(
                        SlashCommandError.INVALID_INPUT, "A prompt command runs in a session: sessionId is required"));
        if (run.subagentId() != null && !run.subagentId().isBlank()) {
            // A run is the session's agent; running one as a subagent is not something runs can do yet.
            throw new SlashCommandRefusal(
                    SlashCommandError.INVALID_INPUT, "A prompt command runs as the session's agent, not a subagent");
        }
        PromptTemplate.Rendered rendered = PromptTemplate.render(command.script(), run.arguments());
        PromptCommandRuns.StartedRun started = promptRuns.start(
                actor,
                new PromptCommandRuns.PromptRun(
                        sessionId,
                        command.name(),
                        rendered.text(),
                        rendered.commands(),
                        command.model(),
                        command.allowedTools() == null ? List.of() : command.allowedTools()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/runs/" + started.runId()))
                .body(started);
    }

    /**
     * A command defined a moment ago may not be in the read model yet; wait for it briefly before saying 404 (its
     * first version, 0, is "it exists").
     */
    private Optional<SlashCommandView> find(Actor actor, SlashCommandId commandId) {
        return CatchUp.READ_YOUR_WRITES
                .read(
                        () -> queries.query(
                                        new FindSlashCommand(actor, commandId),
                                        ResponseTypes.optionalInstanceOf(SlashCommandView.class))
                                .join(),
                        SlashCommandView::version,
                        0L)
                .found();
    }

    private static Optional<String> parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (SessionId.parse(value).isEmpty()) {
            throw new SlashCommandRefusal(SlashCommandError.INVALID_INPUT, field + " is not an id");
        }
        return Optional.of(value);
    }
}
