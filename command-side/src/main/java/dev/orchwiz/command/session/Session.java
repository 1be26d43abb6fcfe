package dev.orchwiz.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.SessionLimits;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import dev.orchwiz.api.session.command.AdmitToolCall;
import dev.orchwiz.api.session.command.ArchiveSession;
import dev.orchwiz.api.session.command.ChangeSessionMode;
import dev.orchwiz.api.session.command.FieldChange;
import dev.orchwiz.api.session.command.ForkSession;
import dev.orchwiz.api.session.command.MoveSession;
import dev.orchwiz.api.session.command.PromptSubmitted;
import dev.orchwiz.api.session.command.RecordInteraction;
import dev.orchwiz.api.session.command.ReviseSessionDetails;
import dev.orchwiz.api.session.command.SessionChanged;
import dev.orchwiz.api.session.command.ShareSession;
import dev.orchwiz.api.session.command.StartSession;
import dev.orchwiz.api.session.command.SubmitPrompt;
import dev.orchwiz.api.session.event.SessionArchived;
import dev.orchwiz.api.session.event.SessionCompleted;
import dev.orchwiz.api.session.event.SessionDescriptionChanged;
import dev.orchwiz.api.session.event.SessionExecutionStarted;
import dev.orchwiz.api.session.event.SessionFailed;
import dev.orchwiz.api.session.event.SessionForked;
import dev.orchwiz.api.session.event.SessionInteractionRecorded;
import dev.orchwiz.api.session.event.SessionMetadataChanged;
import dev.orchwiz.api.session.event.SessionModeChanged;
import dev.orchwiz.api.session.event.SessionPaused;
import dev.orchwiz.api.session.event.SessionRenamed;
import dev.orchwiz.api.session.event.SessionResumed;
import dev.orchwiz.api.session.event.SessionShared;
import dev.orchwiz.api.session.event.SessionStarted;
import dev.orchwiz.api.session.event.SessionUnshared;
import dev.orchwiz.api.session.event.SessionWorkspaceChanged;
import dev.orchwiz.command.ownership.Owned;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A session decides its status machine, its mode and what it accepts; every decision becomes an event. Events carry
 * the owner as metadata so that readers of the raw stream (SSE) can scope them without loading the aggregate.
 */
@Aggregate(cache = "sessionCache")
class Session {

    private static final Map<SessionStatus, Set<SessionStatus>> TRANSITIONS = Map.of(
            SessionStatus.PLANNING, Set.of(SessionStatus.EXECUTING),
            SessionStatus.EXECUTING, Set.of(SessionStatus.PAUSED, SessionStatus.COMPLETED, SessionStatus.FAILED),
            SessionStatus.PAUSED, Set.of(SessionStatus.EXECUTING),
            SessionStatus.COMPLETED, Set.of(),
            SessionStatus.FAILED, Set.of());

    @AggregateIdentifier
    private SessionId sessionId;

    private UserId ownerId;
    private SessionStatus status;
    private SessionMode mode;
    private boolean archived;
    private boolean shared;
    private String title;
    private String description;
    private String prompt;
    private SessionSource source;
    private String projectName;
    private String branch;
    private String environment;
    private Map<String, Object> metadata;
    private String runtime;
    private String model;

    Session() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Session(StartSession command) {
        assertWithinLimits(command.title(), command.description(), command.prompt());
        assertWorkspaceWithinLimits(command.projectName(), command.branch(), command.environment());
        assertRuntimeWithinLimits(command.runtime(), command.model());
        start(new SessionStarted(
                command.sessionId(),
                command.actor().id(),
                command.title(),
                command.description(),
                command.prompt(),
                Objects.requireNonNullElse(command.mode(), SessionMode.PLAN),
                Objects.requireNonNullElse(command.source(), SessionSource.WEB),
                command.projectName(),
                command.branch(),
                command.environment(),
                emptyToNull(command.metadata()),
                null,
                command.actor().id(),
                command.runtime(),
                command.model()));
    }

    /** Used by {@link #handle(ForkSession)} through {@code createNew}: a child starts with its parent's settings. */
    private Session(SessionStarted started) {
        start(started);
    }

    private void start(SessionStarted started) {
        apply(started, Owned.by(started.ownerId()));
    }

    @CommandHandler
    SessionChanged handle(ForkSession command) throws Exception {
        assertMayRead(command.actor());
        assertNotArchived();
        String forkTitle = command.title() == null || command.title().isBlank() ? forkTitle() : command.title();
        assertWithinLimits(forkTitle, description, prompt);
        SessionStarted child = new SessionStarted(
                command.forkId(),
                command.actor().id(),
                forkTitle,
                description,
                prompt,
                mode,
                source,
                projectName,
                branch,
                environment,
                metadata,
                sessionId,
                command.actor().id(),
                runtime,
                model);
        createNew(Session.class, () -> new Session(child));
        applyOwned(
                new SessionForked(sessionId, command.forkId(), command.actor().id()));
        return new SessionChanged(command.forkId(), 0);
    }

    @CommandHandler
    SessionChanged handle(ReviseSessionDetails command) {
        assertMayChange(command.actor(), command.expectedVersion());
        UserId by = command.actor().id();
        String newTitle = valueOr(command.title(), title);
        String newDescription = valueOr(command.description(), description);
        String newProject = valueOr(command.projectName(), projectName);
        String newBranch = valueOr(command.branch(), branch);
        String newEnvironment = valueOr(command.environment(), environment);
        assertWithinLimits(newTitle, newDescription, prompt);
        assertWorkspaceWithinLimits(newProject, newBranch, newEnvironment);
        if (!Objects.equals(newTitle, title)) {
            applyOwned(new SessionRenamed(sessionId, newTitle, by));
        }
        if (!Objects.equals(newDescription, description)) {
            applyOwned(new SessionDescriptionChanged(sessionId, newDescription, by));
        }
        boolean workspaceChanged = !Objects.equals(newProject, projectName)
                || !Objects.equals(newBranch, branch)
                || !Objects.equals(newEnvironment, environment);
        if (workspaceChanged) {
            applyOwned(new SessionWorkspaceChanged(sessionId, newProject, newBranch, newEnvironment, by));
        }
        if (command.metadata() != null) {
            Map<String, Object> newMetadata = emptyToNull(command.metadata().value());
            if (!Objects.equals(newMetadata, metadata)) {
                applyOwned(new SessionMetadataChanged(sessionId, newMetadata, by));
            }
        }
        return changed();
    }

    @CommandHandler
    SessionChanged handle(ChangeSessionMode command) {
        assertMayChange(command.actor(), command.expectedVersion());
        SessionMode target = Objects.requireNonNull(command.mode(), "mode");
        if (target != mode) {
            applyOwned(new SessionModeChanged(
                    sessionId, mode, target, command.actor().id()));
        }
        return changed();
    }

    @CommandHandler
    SessionChanged handle(MoveSession command) {
        assertMayChange(command.actor(), command.expectedVersion());
        SessionStatus target = Objects.requireNonNull(command.target(), "target");
        assertTransitionAllowed(target);
        assertReasonWithinLimits(command.reason());
        UserId by = command.actor().id();
        switch (target) {
            case EXECUTING ->
                applyOwned(
                        status == SessionStatus.PAUSED
                                ? new SessionResumed(sessionId, by)
                                : new SessionExecutionStarted(sessionId, by));
            case PAUSED -> applyOwned(new SessionPaused(sessionId, command.reason(), by));
            case COMPLETED -> applyOwned(new SessionCompleted(sessionId, command.reason(), by));
            case FAILED -> applyOwned(new SessionFailed(sessionId, command.reason(), by));
            case PLANNING -> throw SessionRefusal.invalidTransition(status, target);
        }
        return changed();
    }

    @CommandHandler
    PromptSubmitted handle(SubmitPrompt command) {
        assertMayChange(command.actor(), command.expectedVersion());
        assertAcceptsPrompts();
        assertContentWithinLimits(command.prompt(), SessionLimits.PROMPT);
        UserId by = command.actor().id();
        applyOwned(new SessionInteractionRecorded(
                sessionId,
                command.interactionId(),
                InteractionType.USER_INPUT,
                command.prompt(),
                emptyToNull(command.metadata()),
                by));
        if (status == SessionStatus.PLANNING) {
            applyOwned(new SessionExecutionStarted(sessionId, by));
        }
        return new PromptSubmitted(sessionId, currentVersion(), ownerId, mode, runtime, model, metadata);
    }

    @CommandHandler
    SessionChanged handle(RecordInteraction command) {
        assertMayChange(command.actor(), null);
        assertOpen();
        assertContentWithinLimits(command.content(), SessionLimits.INTERACTION_CONTENT);
        applyOwned(new SessionInteractionRecorded(
                sessionId,
                command.interactionId(),
                Objects.requireNonNull(command.type(), "type"),
                command.content(),
                emptyToNull(command.metadata()),
                command.actor().id()));
        return changed();
    }

    @CommandHandler
    SessionChanged handle(ShareSession command) {
        assertMayChange(command.actor(), command.expectedVersion());
        if (command.shared() && !shared) {
            applyOwned(new SessionShared(sessionId, command.actor().id()));
        } else if (!command.shared() && shared) {
            applyOwned(new SessionUnshared(sessionId, command.actor().id()));
        }
        return changed();
    }

    @CommandHandler
    SessionChanged handle(ArchiveSession command) {
        assertMayChange(command.actor(), command.expectedVersion());
        applyOwned(new SessionArchived(sessionId, command.actor().id()));
        return changed();
    }

    /** Records nothing: the answer comes from the aggregate so a call never decides on a stale or missing mode. */
    @CommandHandler
    SessionMode handle(AdmitToolCall command) {
        assertMayAccess(command.actor());
        assertNotArchived();
        return mode;
    }

    // --- guards: each business rule by name ---

    private void assertMayAccess(Actor actor) {
        if (!actor.mayAccess(ownerId)) {
            if (shared && !archived) {
                throw SessionRefusal.readOnly(sessionId);
            }
            // Someone else's session answers exactly like a missing one, so ids cannot be probed.
            throw SessionRefusal.notFound(sessionId);
        }
    }

    private void assertMayRead(Actor actor) {
        if (!actor.mayAccess(ownerId) && !shared) {
            throw SessionRefusal.notFound(sessionId);
        }
    }

    private void assertNotArchived() {
        if (archived) {
            throw SessionRefusal.archived(sessionId);
        }
    }

    private void assertExpectedVersion(Long expectedVersion) {
        long version = currentVersion();
        if (expectedVersion != null && expectedVersion != version) {
            throw SessionRefusal.staleVersion(sessionId, expectedVersion, version);
        }
    }

    private void assertMayChange(Actor actor, Long expectedVersion) {
        assertMayAccess(actor);
        assertNotArchived();
        assertExpectedVersion(expectedVersion);
    }

    private void assertTransitionAllowed(SessionStatus target) {
        if (!TRANSITIONS.get(status).contains(target)) {
            throw SessionRefusal.invalidTransition(status, target);
        }
    }

    private void assertAcceptsPrompts() {
        if (status != SessionStatus.PLANNING && status != SessionStatus.EXECUTING) {
            throw SessionRefusal.notAcceptingInput(
                    sessionId, "a " + status.wireName() + " session does not accept prompts; resume it first");
        }
    }

    private void assertOpen() {
        if (status.isClosed()) {
            throw SessionRefusal.notAcceptingInput(
                    sessionId, "a " + status.wireName() + " session does not accept new interactions");
        }
    }

    private static void assertWithinLimits(String title, String description, String prompt) {
        assertLength("title", title, SessionLimits.TITLE);
        assertLength("description", description, SessionLimits.DESCRIPTION);
        assertLength("prompt", prompt, SessionLimits.PROMPT);
    }

    /** A runtime or model is a name the node knows; the session keeps it as given, the run context checks it. */
    private static void assertRuntimeWithinLimits(String runtime, String model) {
        assertLength("runtime", runtime, SessionLimits.RUNTIME);
        assertLength("model", model, SessionLimits.RUNTIME);
    }

    private static void assertWorkspaceWithinLimits(String projectName, String branch, String environment) {
        assertLength("projectName", projectName, SessionLimits.PROJECT_NAME);
        assertLength("branch", branch, SessionLimits.BRANCH);
        assertLength("environment", environment, SessionLimits.ENVIRONMENT);
    }

    private static void assertReasonWithinLimits(String reason) {
        assertLength("reason", reason, SessionLimits.REASON);
    }

    private static void assertContentWithinLimits(String content, int limit) {
        if (content == null || content.isBlank()) {
            throw SessionRefusal.invalidInput("content", "must not be blank");
        }
        assertLength("content", content, limit);
    }

    private static void assertLength(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw SessionRefusal.invalidInput(field, "must be at most " + limit + " characters");
        }
    }

    // --- state: event sourcing handlers only assign ---

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        ownerId = event.ownerId();
        status = SessionStatus.PLANNING;
        mode = event.mode();
        title = event.title();
        description = event.description();
        prompt = event.prompt();
        source = event.source();
        projectName = event.projectName();
        branch = event.branch();
        environment = event.environment();
        metadata = event.metadata();
        runtime = event.runtime();
        model = event.model();
    }

    @EventSourcingHandler
    void on(SessionRenamed event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(SessionDescriptionChanged event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(SessionWorkspaceChanged event) {
        projectName = event.projectName();
        branch = event.branch();
        environment = event.environment();
    }

    @EventSourcingHandler
    void on(SessionMetadataChanged event) {
        metadata = event.metadata();
    }

    @EventSourcingHandler
    void on(SessionModeChanged event) {
        mode = event.to();
    }

    @EventSourcingHandler
    void on(SessionExecutionStarted event) {
        status = SessionStatus.EXECUTING;
    }

    @EventSourcingHandler
    void on(SessionPaused event) {
        status = SessionStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(SessionResumed event) {
        status = SessionStatus.EXECUTING;
    }

    @EventSourcingHandler
    void on(SessionCompleted event) {
        status = SessionStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(SessionFailed event) {
        status = SessionStatus.FAILED;
    }

    @EventSourcingHandler
    void on(SessionShared event) {
        shared = true;
    }

    @EventSourcingHandler
    void on(SessionUnshared event) {
        shared = false;
    }

    @EventSourcingHandler
    void on(SessionArchived event) {
        archived = true;
    }

    // --- small pieces ---

    private void applyOwned(Object event) {
        apply(event, Owned.by(ownerId));
    }

    private SessionChanged changed() {
        return new SessionChanged(sessionId, currentVersion());
    }

    private static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }

    private String forkTitle() {
        String base = title == null || title.isBlank() ? "Untitled session" : title;
        String forked = "Fork of " + base;
        return forked.length() > SessionLimits.TITLE ? forked.substring(0, SessionLimits.TITLE) : forked;
    }

    private static <T> T valueOr(FieldChange<T> change, T current) {
        return change == null ? current : change.value();
    }

    private static Map<String, Object> emptyToNull(Map<String, Object> map) {
        return map == null || map.isEmpty() ? null : map;
    }
}
