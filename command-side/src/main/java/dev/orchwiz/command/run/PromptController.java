package dev.orchwiz.command.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.run.RunAgent;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionLimits;
import dev.orchwiz.api.session.command.PromptSubmitted;
import dev.orchwiz.api.session.command.SubmitPrompt;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.query.SubagentView;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.command.subagent.VisibleSubagents;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import dev.orchwiz.command.web.MetadataLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * A prompt in a session: recorded in the session, then answered by a run on the node's agent process. The request
 * returns as soon as both are recorded; the run's progress arrives on the event stream and at {@code /api/runs/{id}}.
 */
@RestController
class PromptController {

    private final CommandSender commands;
    private final RunLaunch launch;
    private final ObjectMapper json;
    private final VisibleSubagents subagents;

    PromptController(CommandSender commands, RunLaunch launch, ObjectMapper json, VisibleSubagents subagents) {
        this.subagents = subagents;
        this.commands = commands;
        this.launch = launch;
        this.json = json;
    }

    /**
     * {@code text} is the prompt; {@code prompt} is its older name, still accepted from existing clients. With
     * {@code subagentId} the run acts as that subagent: its system prompt, its tools, its model and runtime (settings
     * {@code runtime}), and its permission policies on every tool call.
     */
    record Prompt(
            @Size(max = SessionLimits.PROMPT) String text,
            @Size(max = SessionLimits.PROMPT) String prompt,
            @SingleLine @Size(max = SessionLimits.RUNTIME) String runtime,
            @SingleLine @Size(max = SessionLimits.RUNTIME) String model,
            Map<String, Object> metadata,
            @Size(max = 64) String subagentId) {

        String content() {
            return text != null ? text : prompt;
        }
    }

    /** The session's version after the prompt, the prompt's interaction and, when a run answers it, the run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Prompted(String id, long version, String interactionId, String runId, String traceId) {}

    @PostMapping("/api/sessions/{id}/prompt")
    ResponseEntity<Prompted> prompt(
            Actor actor, @PathVariable String id, @ExpectedVersion Long expected, @Valid @RequestBody Prompt body) {
        String text = body.content();
        if (text == null || text.isBlank()) {
            throw new InvalidRequest(
                    RequestError.VALIDATION_FAILED,
                    "The prompt is empty",
                    List.of(new FieldProblem("text", "must not be blank")));
        }
        MetadataLimit.assertWithin(json, "metadata", body.metadata(), SessionLimits.METADATA_BYTES);
        SessionId sessionId = SessionId.parse(id).orElseThrow(() -> sessionNotFound(id));
        SubagentView subagent = subagent(actor, body.subagentId());
        String runtime = blankToNull(body.runtime()) != null ? blankToNull(body.runtime()) : runtimeOf(subagent);
        launch.assertUsable(runtime);
        String model = blankToNull(body.model()) != null ? blankToNull(body.model()) : modelOf(subagent);
        UUID interactionId = UUID.randomUUID();
        PromptSubmitted submitted = commands.send(
                new SubmitPrompt(sessionId, actor, expected, interactionId, text, body.metadata()),
                () -> sessionNotFound(id));
        Optional<RunLaunch.Launched> run = launch.launch(
                actor,
                new RunLaunch.Prompt(
                        sessionId,
                        submitted.ownerId(),
                        interactionId,
                        text,
                        runtime != null ? runtime : submitted.runtime(),
                        model != null ? model : modelOf(submitted, runtime),
                        submitted.metadata(),
                        submitted.mode(),
                        "prompt",
                        subagent == null || subagent.tools() == null ? List.of() : subagent.tools(),
                        List.of()),
                subagent == null
                        ? null
                        : new RunAgent(SubagentId.of(subagent.id()), subagent.name(), blankToNull(subagent.prompt())));
        ResponseEntity.BodyBuilder response = run.isPresent()
                ? ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(java.net.URI.create("/api/runs/" + run.get().runId()))
                : ResponseEntity.ok();
        return response.eTag(IfMatch.etag(submitted.version()))
                .body(new Prompted(
                        id,
                        submitted.version(),
                        interactionId.toString(),
                        run.map(launched -> launched.runId().toString()).orElse(null),
                        run.map(RunLaunch.Launched::traceId).orElse(null)));
    }

    private SubagentView subagent(Actor actor, String subagentId) {
        if (subagentId == null || subagentId.isBlank()) {
            return null;
        }
        SubagentId parsed = SubagentId.parse(subagentId.trim())
                .orElseThrow(() -> new RunRefusal(SubagentError.NOT_FOUND, "No subagent " + subagentId));
        return subagents.describe(actor, parsed);
    }

    /** A subagent names its runtime in its settings ({@code runtime}); Claude Code files have no such key. */
    private static String runtimeOf(SubagentView subagent) {
        if (subagent == null || subagent.settings() == null) {
            return null;
        }
        return subagent.settings().get("runtime") instanceof String name && !name.isBlank() ? name.trim() : null;
    }

    /** Claude Code's {@code model: inherit} (or none) leaves the model to the session. */
    private static String modelOf(SubagentView subagent) {
        if (subagent == null || subagent.model() == null || subagent.model().isBlank()) {
            return null;
        }
        return "inherit".equals(subagent.model().trim())
                ? null
                : subagent.model().trim();
    }

    /** The session's model applies only with the session's runtime: another runtime's default fits it better. */
    private static String modelOf(PromptSubmitted submitted, String requestedRuntime) {
        return requestedRuntime == null || requestedRuntime.equals(submitted.runtime()) ? submitted.model() : null;
    }

    private static RunRefusal sessionNotFound(String id) {
        return new RunRefusal(SessionError.NOT_FOUND, "No session " + id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
