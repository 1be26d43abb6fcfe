package dev.orchwiz;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes events straight into the event store, past every check of the API, as an old node or a bug might have left
 * them: the way to show that a read model survives what it cannot apply.
 */
public final class PoisonedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PoisonedEvents() {}

    /** A copy of a real session's start event (made through {@code node}), for a new session titled {@code title}. */
    public static String sessionStartedWithTitle(NodeClient node, JdbcTemplate jdbc, String title) {
        String template = node.post("/api/sessions", "{\"title\":\"template\"}")
                .json()
                .get("id")
                .asString();
        var row = jdbc.queryForMap(
                "select payload, meta_data, payload_type from domain_event_entry"
                        + " where aggregate_identifier = ? and sequence_number = 0",
                template);
        String poisoned = UUID.randomUUID().toString();
        ObjectNode payload = (ObjectNode) JSON.readTree((byte[]) row.get("payload"));
        payload.put("sessionId", poisoned);
        payload.put("title", title);
        jdbc.update(
                "insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_type,"
                        + " time_stamp, aggregate_identifier, sequence_number, type)"
                        + " values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, 0, 'Session')",
                UUID.randomUUID().toString(),
                row.get("meta_data"),
                JSON.writeValueAsBytes(payload),
                row.get("payload_type"),
                Instant.now().toString(),
                poisoned);
        return poisoned;
    }
}
