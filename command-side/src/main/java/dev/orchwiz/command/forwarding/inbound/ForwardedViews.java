package dev.orchwiz.command.forwarding.inbound;

import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Folds forwarded events into one row per remote entity (today: sessions), never one per event. A batch's events are
 * first folded per session in memory, then written with one statement for all its sessions. Events may arrive out of
 * order: the newest event decides title, status and last type, and counts and bounds add up either way.
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

    /**
     * Every session a batch touched, folded in one statement: one upsert per session cost the database as much as
     * storing the events. Title and status carry their own event's time: the newest event that names one decides it,
     * compared with the row's newest event as before (the proposed row carries those times in {@code title_at} and
     * {@code status_at}, the only way an upsert's update sees a value of the batch's). The conflict is found through
     * the primary key, session by session, however large the table: a MERGE's join, planned while the table was
     * small, read every session of the origin on each batch.
     */
    private static final String FOLD_SESSIONS = """
            insert into forwarded_session as s
                (origin, session_id, title, title_at, status, status_at, event_count, first_event_at, last_event_at,
                 last_event_type)
            select cast(? as text), f.*
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]),
                        cast(? as timestamptz[]), cast(? as bigint[]), cast(? as timestamptz[]),
                        cast(? as timestamptz[]), cast(? as text[]))
                as f(session_id, title, title_at, status, status_at, event_count, first_event_at, last_event_at,
                     last_event_type)
            on conflict (origin, session_id) do update set
                title = case when excluded.title is not null
                                  and (s.title is null or excluded.title_at >= s.last_event_at)
                             then excluded.title else s.title end,
                title_at = case when excluded.title is not null
                                     and (s.title is null or excluded.title_at >= s.last_event_at)
                                then excluded.title_at else s.title_at end,
                status = case when excluded.status is not null
                                   and (s.status is null or excluded.status_at >= s.last_event_at)
                              then excluded.status else s.status end,
                status_at = case when excluded.status is not null
                                      and (s.status is null or excluded.status_at >= s.last_event_at)
                                 then excluded.status_at else s.status_at end,
                event_count = s.event_count + excluded.event_count,
                first_event_at = least(s.first_event_at, excluded.first_event_at),
                last_event_type = case when excluded.last_event_at >= s.last_event_at
                                       then excluded.last_event_type else s.last_event_type end,
                last_event_at = greatest(s.last_event_at, excluded.last_event_at)""";

    private final JdbcTemplate jdbc;

    ForwardedViews(JdbcTemplate jdbc) {
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
        List<SessionFold> rows = List.copyOf(folds.values());
        jdbc.update(FOLD_SESSIONS, statement -> {
            Connection connection = statement.getConnection();
            statement.setString(1, origin);
            statement.setArray(2, connection.createArrayOf("text", column(rows, fold -> fold.sessionId)));
            statement.setArray(3, connection.createArrayOf("text", column(rows, fold -> fold.title)));
            statement.setArray(4, connection.createArrayOf("text", column(rows, fold -> iso(fold.titleAt))));
            statement.setArray(5, connection.createArrayOf("text", column(rows, fold -> fold.status)));
            statement.setArray(6, connection.createArrayOf("text", column(rows, fold -> iso(fold.statusAt))));
            statement.setArray(
                    7,
                    connection.createArrayOf(
                            "bigint",
                            rows.stream().map(fold -> (long) fold.count).toArray(Long[]::new)));
            statement.setArray(8, connection.createArrayOf("text", column(rows, fold -> iso(fold.first))));
            statement.setArray(9, connection.createArrayOf("text", column(rows, fold -> iso(fold.last))));
            statement.setArray(10, connection.createArrayOf("text", column(rows, fold -> fold.lastType)));
        });
    }

    private static String[] column(List<SessionFold> rows, Function<SessionFold, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /** An instant as ISO-8601 text with its offset, which the database reads exactly whatever either time zone. */
    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One session's events of a batch, folded the way the statement folds them into a row: later-or-equal times win. */
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
