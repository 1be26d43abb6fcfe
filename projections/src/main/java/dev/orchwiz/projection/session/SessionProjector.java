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
import dev.orchwiz.projection.isolation.EventSavepoint;
import dev.orchwiz.projection.jsonb.Jsonb;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the sessions read model with plain SQL, one savepoint per event (see {@link EventSavepoint}): an event the
 * database refuses fails alone and goes to the dead-letter queue instead of stopping its segment. Each row remembers
 * the last event sequence it applied, so an event delivered twice (after a crash, on an overlapping replay, on a
 * dead-letter retry) changes nothing.
 */
@Component
@ProcessingGroup(SessionProjector.PROCESSING_GROUP)
class SessionProjector {

    static final String PROCESSING_GROUP = "sessions";

    private final NamedParameterJdbcTemplate jdbc;
    private final EventSavepoint savepoint;

    SessionProjector(NamedParameterJdbcTemplate jdbc, EventSavepoint savepoint) {
        this.jdbc = jdbc;
        this.savepoint = savepoint;
    }

    @EventHandler
    void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        savepoint.apply(() -> jdbc.update(
                """
                insert into session_summary (id, owner_id, title, description, prompt, status, mode, source,
                    project_name, branch, environment, metadata, parent_session_id, created_at, last_activity_at,
                    version)
                values (:id, :owner, :title, :description, :prompt, :status, :mode, :source, :project, :branch,
                    :environment, cast(:metadata as jsonb), :parent, :at, :at, :sequence)
                on conflict (id) do nothing
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.sessionId().value())
                        .addValue("owner", event.ownerId().value())
                        .addValue("title", event.title())
                        .addValue("description", event.description())
                        .addValue("prompt", event.prompt())
                        .addValue("status", SessionStatus.PLANNING.name())
                        .addValue("mode", event.mode().name())
                        .addValue("source", event.source().name())
                        .addValue("project", event.projectName())
                        .addValue("branch", event.branch())
                        .addValue("environment", event.environment())
                        .addValue("metadata", Jsonb.write(event.metadata()))
                        .addValue(
                                "parent",
                                event.parentSessionId() == null
                                        ? null
                                        : event.parentSessionId().value())
                        .addValue("at", time(at))
                        .addValue("sequence", sequence)));
    }

    @EventHandler
    void on(SessionForked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, "fork_count = fork_count + 1", Map.of());
    }

    @EventHandler
    void on(SessionRenamed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, "title = :title", values("title", event.title()));
    }

    @EventHandler
    void on(SessionDescriptionChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(
                event.sessionId().value(),
                sequence,
                at,
                "description = :description",
                values("description", event.description()));
    }

    @EventHandler
    void on(SessionWorkspaceChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("project", event.projectName());
        values.put("branch", event.branch());
        values.put("environment", event.environment());
        update(
                event.sessionId().value(),
                sequence,
                at,
                "project_name = :project, branch = :branch, environment = :environment",
                values);
    }

    @EventHandler
    void on(SessionMetadataChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(
                event.sessionId().value(),
                sequence,
                at,
                "metadata = cast(:metadata as jsonb)",
                values("metadata", Jsonb.write(event.metadata())));
    }

    @EventHandler
    void on(SessionModeChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(
                event.sessionId().value(),
                sequence,
                at,
                "mode = :mode",
                values("mode", event.to().name()));
    }

    @EventHandler
    void on(SessionExecutionStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.sessionId().value(), sequence, at, SessionStatus.EXECUTING);
    }

    @EventHandler
    void on(SessionPaused event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.sessionId().value(), sequence, at, SessionStatus.PAUSED);
    }

    @EventHandler
    void on(SessionResumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.sessionId().value(), sequence, at, SessionStatus.EXECUTING);
    }

    @EventHandler
    void on(SessionCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.sessionId().value(), sequence, at, SessionStatus.COMPLETED);
    }

    @EventHandler
    void on(SessionFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.sessionId().value(), sequence, at, SessionStatus.FAILED);
    }

    @EventHandler
    void on(SessionInteractionRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID sessionId = event.sessionId().value();
        savepoint.apply(() -> {
            if (!applied(sessionId, sequence, at, "interaction_count = interaction_count + 1", Map.of())) {
                return;
            }
            jdbc.update(
                    """
                    insert into session_interaction (id, session_id, sequence, type, content, metadata, by_user, at)
                    values (:id, :session, :sequence, :type, :content, cast(:metadata as jsonb), :by, :at)
                    on conflict (id) do nothing
                    """,
                    new MapSqlParameterSource()
                            .addValue("id", event.interactionId())
                            .addValue("session", sessionId)
                            .addValue("sequence", sequence)
                            .addValue("type", event.type().name())
                            .addValue("content", event.content())
                            .addValue("metadata", Jsonb.write(event.metadata()))
                            .addValue("by", event.by().value())
                            .addValue("at", time(at)));
        });
    }

    @EventHandler
    void on(SessionShared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, "shared = true", Map.of());
    }

    @EventHandler
    void on(SessionUnshared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, "shared = false", Map.of());
    }

    @EventHandler
    void on(SessionArchived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.sessionId().value(), sequence, at, "archived = true", Map.of());
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from session_interaction");
        jdbc.getJdbcTemplate().update("delete from session_summary");
    }

    private void status(UUID sessionId, long sequence, Instant at, SessionStatus status) {
        update(sessionId, sequence, at, "status = :status", values("status", status.name()));
    }

    private void finish(UUID sessionId, long sequence, Instant at, SessionStatus status) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("status", status.name());
        values.put("completedAt", time(at));
        update(sessionId, sequence, at, "status = :status, completed_at = :completedAt", values);
    }

    private void update(UUID sessionId, long sequence, Instant at, String assignments, Map<String, Object> values) {
        savepoint.apply(() -> applied(sessionId, sequence, at, assignments, values));
    }

    /**
     * Applies the change unless the row already has this event; false for a duplicate. A session that was never
     * started is a broken stream, not a duplicate: it fails, and the event waits in the dead-letter queue.
     */
    private boolean applied(UUID sessionId, long sequence, Instant at, String assignments, Map<String, Object> values) {
        MapSqlParameterSource parameters = new MapSqlParameterSource(values)
                .addValue("id", sessionId)
                .addValue("sequence", sequence)
                .addValue("at", time(at));
        int changed = jdbc.update(
                "update session_summary set " + assignments
                        + ", version = :sequence, last_activity_at = :at where id = :id and version < :sequence",
                parameters);
        if (changed == 1) {
            return true;
        }
        Integer known = jdbc.queryForObject(
                "select count(*) from session_summary where id = :id", Map.of("id", sessionId), Integer.class);
        if (known == null || known == 0) {
            throw new IllegalStateException("session " + sessionId + " was never started");
        }
        return false;
    }

    private static java.sql.Timestamp time(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static Map<String, Object> values(String name, Object value) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put(name, value);
        return values;
    }
}
