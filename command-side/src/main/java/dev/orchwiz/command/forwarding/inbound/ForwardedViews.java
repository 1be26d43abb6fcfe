package dev.orchwiz.command.forwarding.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Folds forwarded events into one row per remote entity (today: sessions), never one per event. A batch's events are
 * first folded per session in memory, then written with one upsert per session, all in one JDBC batch (one round
 * trip rather than one per event). Events may arrive out of order: the newest event decides title, status and last
 * type, and counts and bounds add up either way.
 */
@Component
class ForwardedViews {

    private static final int MAX_TITLE = 500;

    /** The status a session event implies when its payload names none (OrchWiz's own session events). */
    private static final Map<String, String> STATUS_OF_TYPE = Map.of(
            "SessionStarted", "active",
            "SessionExecutionStarted", "running",
            "SessionPaused", "paused",
            "SessionResumed", "active",
            "SessionCompleted", "completed",
            "SessionFailed", "failed",
            "SessionArchived", "archived");

    /** Title and status carry their own event's time: the newest event that names one decides it. */
    private static final String FOLD_SESSION = """
            insert into forwarded_session as s
                (origin, session_id, title, status, event_count, first_event_at, last_event_at, last_event_type)
            values (:origin, :session, :title, :status, :count, :first, :last, :type)
            on conflict (origin, session_id) do update set
                title = case when excluded.title is not null
                                  and (s.title is null or cast(:titleAt as timestamptz) >= s.last_event_at)
                             then excluded.title else s.title end,
                status = case when excluded.status is not null
                                   and (s.status is null or cast(:statusAt as timestamptz) >= s.last_event_at)
                              then excluded.status else s.status end,
                event_count = s.event_count + excluded.event_count,
                first_event_at = least(s.first_event_at, excluded.first_event_at),
                last_event_type = case when excluded.last_event_at >= s.last_event_at
                                       then excluded.last_event_type else s.last_event_type end,
                last_event_at = greatest(s.last_event_at, excluded.last_event_at)""";

    private final NamedParameterJdbcTemplate jdbc;

    ForwardedViews(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called once per batch with its newly received events, in the transaction that records them in the inbox. */
    void apply(String origin, List<ForwardedEvent> events) {
        Map<String, SessionFold> folds = new LinkedHashMap<>();
        for (ForwardedEvent event : events) {
            if (!isAboutASession(event)) {
                continue;
            }
            String sessionId = event.aggregateId() != null ? event.aggregateId() : text(event.payload(), "sessionId");
            if (sessionId != null) {
                folds.computeIfAbsent(sessionId, SessionFold::new).add(event);
            }
        }
        if (folds.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows =
                folds.values().stream().map(fold -> fold.row(origin)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(FOLD_SESSION, rows);
    }

    /** One session's events of a batch, folded the way the upsert folds a row: later-or-equal times win. */
    private static final class SessionFold {

        private final String sessionId;
        private int count;
        private Instant first;
        private Instant last;
        private String lastType;
        private String title;
        private Instant titleAt;
        private String status;
        private Instant statusAt;

        SessionFold(String sessionId) {
            this.sessionId = sessionId;
        }

        void add(ForwardedEvent event) {
            Instant at = event.occurredAt();
            count++;
            if (first == null || at.isBefore(first)) {
                first = at;
            }
            if (last == null || !at.isBefore(last)) {
                last = at;
                lastType = event.type();
            }
            String named = text(event.payload(), "title");
            if (named != null && (titleAt == null || !at.isBefore(titleAt))) {
                title = named;
                titleAt = at;
            }
            String stated = text(event.payload(), "status");
            String implied = stated != null ? stated : STATUS_OF_TYPE.get(event.type());
            if (implied != null && (statusAt == null || !at.isBefore(statusAt))) {
                status = implied;
                statusAt = at;
            }
        }

        SqlParameterSource row(String origin) {
            return new MapSqlParameterSource()
                    .addValue("origin", origin)
                    .addValue("session", sessionId)
                    .addValue("title", title)
                    .addValue("titleAt", titleAt == null ? null : Timestamp.from(titleAt))
                    .addValue("status", status)
                    .addValue("statusAt", statusAt == null ? null : Timestamp.from(statusAt))
                    .addValue("count", count)
                    .addValue("first", Timestamp.from(first))
                    .addValue("last", Timestamp.from(last))
                    .addValue("type", lastType);
        }
    }

    private static boolean isAboutASession(ForwardedEvent event) {
        return "session".equalsIgnoreCase(event.aggregateType())
                || event.type().startsWith("Session")
                || event.type().equals("session");
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            return null;
        }
        String text = value.stringValue();
        return text.length() > MAX_TITLE ? text.substring(0, MAX_TITLE) : text;
    }
}
