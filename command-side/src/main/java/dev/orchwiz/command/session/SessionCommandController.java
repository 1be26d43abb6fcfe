package dev.orchwiz.command.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.SessionLimits;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import dev.orchwiz.api.session.command.ArchiveSession;
import dev.orchwiz.api.session.command.ChangeSessionMode;
import dev.orchwiz.api.session.command.FieldChange;
import dev.orchwiz.api.session.command.ForkSession;
import dev.orchwiz.api.session.command.MoveSession;
import dev.orchwiz.api.session.command.RecordInteraction;
import dev.orchwiz.api.session.command.ReviseSessionDetails;
import dev.orchwiz.api.session.command.SessionChanged;
import dev.orchwiz.api.session.command.ShareSession;
import dev.orchwiz.api.session.command.StartSession;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.api.text.TextRules;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import dev.orchwiz.command.web.MetadataLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Turns session requests into commands; answers with the new version so clients can read their own writes. */
@RestController
@RequestMapping("/api/sessions")
class SessionCommandController {

    private static final Set<String> REVISABLE_FIELDS =
            Set.of("title", "description", "projectName", "branch", "environment", "metadata");

    private final CommandSender commands;
    private final ObjectMapper json;
    private final SessionRuns runs;

    SessionCommandController(CommandSender commands, ObjectMapper json, SessionRuns runs) {
        this.commands = commands;
        this.json = json;
        this.runs = runs;
    }

    record Start(
            @SingleLine @Size(max = SessionLimits.TITLE) String title,
            @Size(max = SessionLimits.DESCRIPTION) String description,
            @Size(max = SessionLimits.PROMPT) String prompt,
            SessionMode mode,
            SessionSource source,

            @SingleLine @Size(max = SessionLimits.PROJECT_NAME)
            String projectName,

            @SingleLine @Size(max = SessionLimits.BRANCH) String branch,

            @SingleLine @Size(max = SessionLimits.ENVIRONMENT)
            String environment,

            Map<String, Object> metadata,

            @SingleLine @Size(max = SessionLimits.RUNTIME) String runtime,

            @SingleLine @Size(max = SessionLimits.RUNTIME) String model) {}

    record ModeChange(@NotNull SessionMode mode) {}

    record StatusChange(
            @NotNull SessionStatus status,
            @Size(max = SessionLimits.REASON) String reason) {}

    record Interaction(
            @NotNull InteractionType type,

            @NotBlank @Size(max = SessionLimits.INTERACTION_CONTENT)
            String content,

            Map<String, Object> metadata) {}

    record Fork(@SingleLine @Size(max = SessionLimits.TITLE) String title) {}

    record Sharing(@NotNull Boolean shared) {}

    /** What every write answers: the session, its version after the write, and the interaction it recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Written(String id, long version, String interactionId, String runId) {

        Written(String id, long version, String interactionId) {
            this(id, version, interactionId, null);
        }

        static Written of(SessionChanged changed) {
            return new Written(changed.sessionId().toString(), changed.version(), null);
        }
    }

    @PostMapping
    ResponseEntity<Written> start(Actor actor, @Valid @RequestBody Start body) {
        MetadataLimit.assertWithin(json, "metadata", body.metadata(), SessionLimits.METADATA_BYTES);
        String runtime = blankToNull(body.runtime());
        runs.assertUsable(runtime);
        SessionId id = SessionId.random();
        this.<SessionId>send(
                id,
                new StartSession(
                        id,
                        actor,
                        body.title(),
                        body.description(),
                        body.prompt(),
                        body.mode(),
                        body.source(),
                        body.projectName(),
                        body.branch(),
                        body.environment(),
                        body.metadata(),
                        runtime,
                        blankToNull(body.model())));
        // The prompt a session starts with is its first prompt: with a runtime on this node, a run answers it.
        String runId = runs.runFirstPrompt(
                        actor,
                        id,
                        body.prompt(),
                        runtime,
                        blankToNull(body.model()),
                        body.metadata(),
                        body.mode() == null ? SessionMode.PLAN : body.mode())
                .orElse(null);
        URI location = URI.create("/api/sessions/" + id);
        return withVersion(ResponseEntity.created(location), new SessionChanged(id, 0))
                .body(new Written(id.toString(), 0, null, runId));
    }

    @PatchMapping(
            consumes = {"application/json", "application/merge-patch+json"},
            path = "/{id}")
    ResponseEntity<Written> revise(
            Actor actor, @PathVariable String id, @ExpectedVersion Long expected, @RequestBody JsonNode patch) {
        SessionId sessionId = sessionId(id);
        ReviseSessionDetails command = revision(sessionId, actor, expected, patch);
        return ok(send(sessionId, command));
    }

    @PostMapping("/{id}/mode")
    ResponseEntity<Written> changeMode(
            Actor actor, @PathVariable String id, @ExpectedVersion Long expected, @Valid @RequestBody ModeChange body) {
        SessionId sessionId = sessionId(id);
        return ok(send(sessionId, new ChangeSessionMode(sessionId, actor, expected, body.mode())));
    }

    @PostMapping("/{id}/status")
    ResponseEntity<Written> move(
            Actor actor,
            @PathVariable String id,
            @ExpectedVersion Long expected,
            @Valid @RequestBody StatusChange body) {
        SessionId sessionId = sessionId(id);
        return ok(send(
                sessionId, new MoveSession(sessionId, actor, expected, body.status(), blankToNull(body.reason()))));
    }

    @PostMapping("/{id}/interactions")
    ResponseEntity<Written> recordInteraction(
            Actor actor, @PathVariable String id, @Valid @RequestBody Interaction body) {
        MetadataLimit.assertWithin(json, "metadata", body.metadata(), SessionLimits.METADATA_BYTES);
        SessionId sessionId = sessionId(id);
        UUID interactionId = UUID.randomUUID();
        SessionChanged changed = send(
                sessionId,
                new RecordInteraction(sessionId, actor, interactionId, body.type(), body.content(), body.metadata()));
        return withVersion(ResponseEntity.status(HttpStatus.CREATED), changed)
                .body(new Written(id, changed.version(), interactionId.toString()));
    }

    @PostMapping("/{id}/fork")
    ResponseEntity<Written> fork(
            Actor actor, @PathVariable String id, @Valid @RequestBody(required = false) Fork body) {
        SessionId parent = sessionId(id);
        SessionId forkId = SessionId.random();
        String title = body == null ? null : blankToNull(body.title());
        SessionChanged fork = send(parent, new ForkSession(parent, forkId, actor, title));
        return created(fork);
    }

    @PostMapping("/{id}/sharing")
    ResponseEntity<Written> share(
            Actor actor, @PathVariable String id, @ExpectedVersion Long expected, @Valid @RequestBody Sharing body) {
        SessionId sessionId = sessionId(id);
        return ok(send(sessionId, new ShareSession(sessionId, actor, expected, body.shared())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> archive(Actor actor, @PathVariable String id, @ExpectedVersion Long expected) {
        SessionId sessionId = sessionId(id);
        send(sessionId, new ArchiveSession(sessionId, actor, expected));
        return ResponseEntity.noContent().build();
    }

    private ReviseSessionDetails revision(SessionId sessionId, Actor actor, Long expectedVersion, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidRequest(RequestError.VALIDATION_FAILED, "The body must be a JSON object (a merge patch)");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : patch.propertyNames()) {
            if (!REVISABLE_FIELDS.contains(name)) {
                problems.add(new FieldProblem(name, "cannot be changed here; changeable: " + REVISABLE_FIELDS));
            }
        }
        FieldChange<String> title = text(patch, "title", SessionLimits.TITLE, problems);
        FieldChange<String> description = text(patch, "description", SessionLimits.DESCRIPTION, problems);
        FieldChange<String> projectName = text(patch, "projectName", SessionLimits.PROJECT_NAME, problems);
        FieldChange<String> branch = text(patch, "branch", SessionLimits.BRANCH, problems);
        FieldChange<String> environment = text(patch, "environment", SessionLimits.ENVIRONMENT, problems);
        FieldChange<Map<String, Object>> metadata = metadata(patch, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(RequestError.VALIDATION_FAILED, "The patch has invalid fields", problems);
        }
        return new ReviseSessionDetails(
                sessionId, actor, expectedVersion, title, description, projectName, branch, environment, metadata);
    }

    private static FieldChange<String> text(JsonNode patch, String field, int limit, List<FieldProblem> problems) {
        if (!patch.has(field)) {
            return null;
        }
        JsonNode value = patch.get(field);
        if (value.isNull()) {
            return FieldChange.to(null);
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "must be a string or null"));
            return null;
        }
        String text = value.asString();
        if (text.length() > limit) {
            problems.add(new FieldProblem(field, "must be at most " + limit + " characters"));
        }
        // The body was already refused for characters no text may carry; here only "one line" is left to check.
        if (!"description".equals(field)) {
            TextRules.problem(text, false).ifPresent(why -> {
                throw new InvalidRequest(
                        RequestError.INVALID_TEXT,
                        "Field '" + field + "' " + why,
                        List.of(new FieldProblem(field, why)));
            });
        }
        return FieldChange.to(text);
    }

    @SuppressWarnings("unchecked")
    private FieldChange<Map<String, Object>> metadata(JsonNode patch, List<FieldProblem> problems) {
        if (!patch.has("metadata")) {
            return null;
        }
        JsonNode value = patch.get("metadata");
        if (value.isNull()) {
            return FieldChange.to(null);
        }
        if (!value.isObject()) {
            problems.add(new FieldProblem("metadata", "must be a JSON object or null"));
            return null;
        }
        Map<String, Object> map = json.convertValue(value, Map.class);
        MetadataLimit.assertWithin(json, "metadata", map, SessionLimits.METADATA_BYTES);
        return FieldChange.to(map);
    }

    private <R> R send(SessionId target, Object command) {
        return commands.send(command, () -> SessionRefusal.notFound(target));
    }

    private static SessionId sessionId(String raw) {
        return SessionId.parse(raw).orElseThrow(() -> SessionRefusal.notFound(raw));
    }

    private static ResponseEntity<Written> created(SessionChanged changed) {
        URI location = URI.create("/api/sessions/" + changed.sessionId());
        return withVersion(ResponseEntity.created(location), changed).body(Written.of(changed));
    }

    private static ResponseEntity<Written> ok(SessionChanged changed) {
        return withVersion(ResponseEntity.ok(), changed).body(Written.of(changed));
    }

    private static ResponseEntity.BodyBuilder withVersion(ResponseEntity.BodyBuilder builder, SessionChanged changed) {
        return builder.eTag(IfMatch.etag(changed.version()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
