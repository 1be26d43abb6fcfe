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
import dev.orchwiz.projection.isolation.CatchUpBatches;
import dev.orchwiz.projection.isolation.EventSavepoint;
import dev.orchwiz.projection.jsonb.Jsonb;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * database refuses fails alone and goes to the dead-letter queue instead of stopping its segment. A replay or a catch-up sends each
 * batch's writes as JDBC batches instead ({@link CatchUpBatches}). Each row remembers
 * the last event sequence it applied, so an event delivered twice (after a crash, on an overlapping replay, on a
 * dead-letter retry) changes nothing.
 */
@Component
@ProcessingGroup(SessionProjector.PROCESSING_GROUP)
class SessionProjector {

    static final String PROCESSING_GROUP = "sessions";

    /** Every change to a row has this one shape, so a replay or catch-up sends a batch's changes as one JDBC batch. */
    private static final String UPDATE = """
            update session_summary set
                title = case when :setTitle then :title else title end,
                description = case when :setDescription then :description else description end,
                project_name = case when :setWorkspace then :project else project_name end,
                branch = case when :setWorkspace then :branch else branch end,
                environment = case when :setWorkspace then :environment else environment end,
                metadata = case when :setMetadata then cast(:metadata as jsonb) else metadata end,
                mode = coalesce(:mode, mode),
                status = coalesce(:status, status),
                completed_at = coalesce(:completedAt, completed_at),
                shared = coalesce(:shared, shared),
                archived = archived or :archived,
                fork_count = fork_count + :forks,
                interaction_count = interaction_count + :interactions,
                version = :sequence,
                last_activity_at = :at
            where id = :id and version < :sequence
            """;

    private static final String INSERT = """
            insert into session_summary (id, owner_id, title, description, prompt, status, mode, source,
                project_name, branch, environment, metadata, parent_session_id, created_at, last_activity_at,
                version)
            values (:id, :owner, :title, :description, :prompt, :status, :mode, :source, :project, :branch,
                :environment, cast(:metadata as jsonb), :parent, :at, :at, :sequence)
            on conflict (id) do nothing
            """;

    private static final String INSERT_INTERACTION = """
            insert into session_interaction (id, session_id, sequence, type, content, metadata, by_user, at)
            values (:id, :session, :sequence, :type, :content, cast(:metadata as jsonb), :by, :at)
            on conflict (id) do nothing
            """;

    /** In a replay or catch-up batch: rows first, then their changes, then the timeline entries. */
    private static final int STARTS = 0;

    private static final int CHANGES = 1;
    private static final int TIMELINE = 2;

    private final NamedParameterJdbcTemplate jdbc;
    private final EventSavepoint savepoint;
    private final CatchUpBatches batches;

    SessionProjector(NamedParameterJdbcTemplate jdbc, EventSavepoint savepoint, CatchUpBatches batches) {
        this.jdbc = jdbc;
        this.savepoint = savepoint;
        this.batches = batches;
    }

    @EventHandler
    void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("id", event.sessionId().value())
                .addValue("owner", event.ownerId().value())
                .addValue("title", event.title(), Types.VARCHAR)
                .addValue("description", event.description(), Types.VARCHAR)
                .addValue("prompt", event.prompt(), Types.VARCHAR)
                .addValue("status", SessionStatus.PLANNING.name())
                .addValue("mode", event.mode().name())
                .addValue("source", event.source().name())
                .addValue("project", event.projectName(), Types.VARCHAR)
                .addValue("branch", event.branch(), Types.VARCHAR)
                .addValue("environment", event.environment(), Types.VARCHAR)
                .addValue("metadata", Jsonb.write(event.metadata()), Types.VARCHAR)
                .addValue(
                        "parent",
                        event.parentSessionId() == null
                                ? null
                                : event.parentSessionId().value(),
                        Types.OTHER)
                .addValue("at", time(at), Types.TIMESTAMP)
                .addValue("sequence", sequence);
        CatchUpBatches.Writes batch = batches.deferred();
        if (batch != null) {
            batch.add(STARTS, INSERT, row);
        } else {
            savepoint.apply(() -> jdbc.update(INSERT, row));
        }
    }

    @EventHandler
    void on(SessionForked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at).addValue("forks", 1));
    }

    @EventHandler
    void on(SessionRenamed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at)
                .addValue("setTitle", true)
                .addValue("title", event.title(), Types.VARCHAR));
    }

    @EventHandler
    void on(SessionDescriptionChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at)
                .addValue("setDescription", true)
                .addValue("description", event.description(), Types.VARCHAR));
    }

    @EventHandler
    void on(SessionWorkspaceChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at)
                .addValue("setWorkspace", true)
                .addValue("project", event.projectName(), Types.VARCHAR)
                .addValue("branch", event.branch(), Types.VARCHAR)
                .addValue("environment", event.environment(), Types.VARCHAR));
    }

    @EventHandler
    void on(SessionMetadataChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at)
                .addValue("setMetadata", true)
                .addValue("metadata", Jsonb.write(event.metadata()), Types.VARCHAR));
    }

    @EventHandler
    void on(SessionModeChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at)
                .addValue("mode", event.to().name(), Types.VARCHAR));
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
        MapSqlParameterSource change = change(sessionId, sequence, at).addValue("interactions", 1);
        MapSqlParameterSource entry = new MapSqlParameterSource()
                .addValue("id", event.interactionId())
                .addValue("session", sessionId)
                .addValue("sequence", sequence)
                .addValue("type", event.type().name())
                .addValue("content", event.content())
                .addValue("metadata", Jsonb.write(event.metadata()), Types.VARCHAR)
                .addValue("by", event.by().value())
                .addValue("at", time(at), Types.TIMESTAMP);
        CatchUpBatches.Writes batch = batches.deferred();
        if (batch != null) {
            deferChange(batch, sessionId, change);
            // The entry's own id keeps a second delivery out, as the row's version does live.
            batch.add(TIMELINE, INSERT_INTERACTION, entry);
            return;
        }
        savepoint.apply(() -> {
            if (applied(sessionId, change)) {
                jdbc.update(INSERT_INTERACTION, entry);
            }
        });
    }

    @EventHandler
    void on(SessionShared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at).addValue("shared", true, Types.BOOLEAN));
    }

    @EventHandler
    void on(SessionUnshared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at).addValue("shared", false, Types.BOOLEAN));
    }

    @EventHandler
    void on(SessionArchived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(change(event.sessionId().value(), sequence, at).addValue("archived", true));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from session_interaction");
        jdbc.getJdbcTemplate().update("delete from session_summary");
        // The delete's trigger added a -1 for every row; with no row left, no count is left either.
        jdbc.getJdbcTemplate().update("delete from session_count");
    }

    private void status(UUID sessionId, long sequence, Instant at, SessionStatus status) {
        write(change(sessionId, sequence, at).addValue("status", status.name(), Types.VARCHAR));
    }

    private void finish(UUID sessionId, long sequence, Instant at, SessionStatus status) {
        write(change(sessionId, sequence, at)
                .addValue("status", status.name(), Types.VARCHAR)
                .addValue("completedAt", time(at), Types.TIMESTAMP));
    }

    /** A change that changes nothing but the row's version and activity; each event sets what it changes. */
    private static MapSqlParameterSource change(UUID sessionId, long sequence, Instant at) {
        return new MapSqlParameterSource()
                .addValue("id", sessionId)
                .addValue("sequence", sequence)
                .addValue("at", time(at), Types.TIMESTAMP)
                .addValue("setTitle", false)
                .addValue("title", null, Types.VARCHAR)
                .addValue("setDescription", false)
                .addValue("description", null, Types.VARCHAR)
                .addValue("setWorkspace", false)
                .addValue("project", null, Types.VARCHAR)
                .addValue("branch", null, Types.VARCHAR)
                .addValue("environment", null, Types.VARCHAR)
                .addValue("setMetadata", false)
                .addValue("metadata", null, Types.VARCHAR)
                .addValue("mode", null, Types.VARCHAR)
                .addValue("status", null, Types.VARCHAR)
                .addValue("completedAt", null, Types.TIMESTAMP)
                .addValue("shared", null, Types.BOOLEAN)
                .addValue("archived", false)
                .addValue("forks", 0)
                .addValue("interactions", 0);
    }

    private void write(MapSqlParameterSource change) {
        UUID sessionId = (UUID) change.getValue("id");
        CatchUpBatches.Writes batch = batches.deferred();
        if (batch != null) {
            deferChange(batch, sessionId, change);
        } else {
            savepoint.apply(() -> applied(sessionId, change));
        }
    }

    /**
     * Defers the change to the batch's end, where the sessions it changed must all exist: a change to a session that
     * never started fails the batch, and the event by event retry parks it in the dead-letter queue.
     */
    private void deferChange(CatchUpBatches.Writes batch, UUID sessionId, MapSqlParameterSource change) {
        batch.add(CHANGES, UPDATE, change);
        batch.state(this, HashSet<UUID>::new, sessionIds -> assertStarted(batch, sessionIds))
                .add(sessionId);
    }

    private void assertStarted(CatchUpBatches.Writes batch, Set<UUID> sessionIds) {
        if (batch.everyRowChanged(UPDATE)) {
            // Each change found its row, so each of these sessions exists: a rebuild's batches need not ask.
            return;
        }
        List<UUID> known = jdbc.queryForList(
                "select id from session_summary where id in (:ids)", Map.of("ids", sessionIds), UUID.class);
        if (known.size() < sessionIds.size()) {
            Set<UUID> missing = new HashSet<>(sessionIds);
            known.forEach(missing::remove);
            throw new IllegalStateException("sessions " + missing + " were never started");
        }
    }

    /**
     * Applies the change unless the row already has this event; false for a duplicate. A session that was never
     * started is a broken stream, not a duplicate: it fails, and the event waits in the dead-letter queue.
     */
    private boolean applied(UUID sessionId, MapSqlParameterSource change) {
        if (jdbc.update(UPDATE, change) == 1) {
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
}
