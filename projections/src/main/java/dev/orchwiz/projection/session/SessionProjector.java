package dev.orchwiz.projection.session;

import dev.orchwiz.api.session.SessionStatus;
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
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Fills the sessions read model. Each row remembers the last event sequence it applied, so an event delivered twice
 * (after a crash, or on a replay that overlaps) changes nothing.
 */
@Component
@ProcessingGroup(SessionProjector.PROCESSING_GROUP)
class SessionProjector {

    static final String PROCESSING_GROUP = "sessions";

    private final EntityManager entities;
    private final SessionRows sessions;
    private final SessionInteractionRows interactions;

    SessionProjector(EntityManager entities, SessionRows sessions, SessionInteractionRows interactions) {
        this.entities = entities;
        this.sessions = sessions;
        this.interactions = interactions;
    }

    @EventHandler
    void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (entities.find(SessionRow.class, event.sessionId().value()) != null) {
            return;
        }
        SessionRow row = new SessionRow(event.sessionId().value());
        row.ownerId = event.ownerId().value();
        row.title = event.title();
        row.description = event.description();
        row.prompt = event.prompt();
        row.status = SessionStatus.PLANNING;
        row.mode = event.mode();
        row.source = event.source();
        row.projectName = event.projectName();
        row.branch = event.branch();
        row.environment = event.environment();
        row.metadata = event.metadata();
        row.parentSessionId =
                event.parentSessionId() == null ? null : event.parentSessionId().value();
        row.createdAt = at;
        row.lastActivityAt = at;
        row.version = sequence;
        entities.persist(row);
    }

    @EventHandler
    void on(SessionForked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.forkCount++);
    }

    @EventHandler
    void on(SessionRenamed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.title = event.title());
    }

    @EventHandler
    void on(SessionDescriptionChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.description = event.description());
    }

    @EventHandler
    void on(SessionWorkspaceChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> {
            row.projectName = event.projectName();
            row.branch = event.branch();
            row.environment = event.environment();
        });
    }

    @EventHandler
    void on(SessionMetadataChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.metadata = event.metadata());
    }

    @EventHandler
    void on(SessionModeChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.mode = event.to());
    }

    @EventHandler
    void on(SessionExecutionStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.status = SessionStatus.EXECUTING);
    }

    @EventHandler
    void on(SessionPaused event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.status = SessionStatus.PAUSED);
    }

    @EventHandler
    void on(SessionResumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.status = SessionStatus.EXECUTING);
    }

    @EventHandler
    void on(SessionCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> {
            row.status = SessionStatus.COMPLETED;
            row.completedAt = at;
        });
    }

    @EventHandler
    void on(SessionFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> {
            row.status = SessionStatus.FAILED;
            row.completedAt = at;
        });
    }

    @EventHandler
    void on(SessionInteractionRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID sessionId = event.sessionId().value();
        update(sessionId, sequence, at, row -> {
            row.interactionCount++;
            entities.persist(new SessionInteractionRow(
                    event.interactionId(),
                    sessionId,
                    sequence,
                    event.type(),
                    event.content(),
                    event.metadata(),
                    event.by().value(),
                    at));
        });
    }

    @EventHandler
    void on(SessionShared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.shared = true);
    }

    @EventHandler
    void on(SessionUnshared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.shared = false);
    }

    @EventHandler
    void on(SessionArchived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, row -> row.archived = true);
    }

    @ResetHandler
    void reset() {
        interactions.deleteAllInBatch();
        sessions.deleteAllInBatch();
    }

    private void update(UUID sessionId, long sequence, Instant at, Consumer<SessionRow> change) {
        SessionRow row = entities.find(SessionRow.class, sessionId);
        if (row == null) {
            throw new IllegalStateException("session " + sessionId + " was never started");
        }
        if (sequence <= row.version) {
            return;
        }
        change.accept(row);
        row.version = sequence;
        row.lastActivityAt = at;
    }
}
