package dev.orchwiz.command.forwarding.inbound;

import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Folds forwarded events into one row per remote entity (today: sessions), never one per event. Events may arrive
 * out of order: the newest event decides title, status and last type, and counts and bounds add up either way.
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

    private static final String FOLD_SESSION = """
            insert into forwarded_session as s
                (origin, session_id, title, status, event_count, first_event_at, last_event_at, last_event_type)
            values (:origin, :session, :title, :status, 1, :at, :at, :type)
            on conflict (origin, session_id) do update set
                title = case when excluded.title is not null
                                  and (s.title is null or excluded.last_event_at >= s.last_event_at)
                             then excluded.title else s.title end,
                status = case when excluded.status is not null
                                   and (s.status is null or excluded.last_event_at >= s.last_event_at)
                              then excluded.status else s.status end,
                event_count = s.event_count + 1,
                first_event_at = least(s.first_event_at, excluded.first_event_at),
                last_event_type = case when excluded.last_event_at >= s.last_event_at
                                       then excluded.last_event_type else s.last_event_type end,
                last_event_at = greatest(s.last_event_at, excluded.last_event_at)""";

    private final NamedParameterJdbcTemplate jdbc;

    ForwardedViews(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called once per newly received event, in the transaction that records it in the inbox. */
    void apply(String origin, ForwardedEvent event) {
        if (!isAboutASession(event)) {
            return;
        }
        String sessionId = event.aggregateId() != null ? event.aggregateId() : text(event.payload(), "sessionId");
        if (sessionId == null) {
            return;
        }
        String status = text(event.payload(), "status");
        jdbc.update(
                FOLD_SESSION,
                new MapSqlParameterSource()
                        .addValue("origin", origin)
                        .addValue("session", sessionId)
                        .addValue("title", text(event.payload(), "title"))
                        .addValue("status", status != null ? status : STATUS_OF_TYPE.get(event.type()))
                        .addValue("at", Timestamp.from(event.occurredAt()))
                        .addValue("type", event.type()));
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
