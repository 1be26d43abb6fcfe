package dev.orchwiz.query.events;

import dev.orchwiz.api.identity.OwnerMetaData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads Axon's event table by global sequence. Payloads are not deserialized: they are already JSON, minus the fields
 * that hold credentials (see {@link PublicPayloads}), which nothing reading through here may pass on.
 */
@Component
public class EventStoreTable {

    private static final String SELECT = "select global_index, event_identifier, payload_type, aggregate_identifier,"
            + " sequence_number, time_stamp, meta_data, payload from domain_event_entry";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PublicPayloads publicPayloads;

    EventStoreTable(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.publicPayloads = new PublicPayloads(json);
    }

    /** Events after {@code position} and at most up to {@code upTo}, in global order. */
    List<StoredEvent> after(long position, long upTo, int limit) {
        return jdbc.query(
                SELECT + " where global_index > ? and global_index <= ? order by global_index limit ?",
                this::stored,
                position,
                upTo,
                limit);
    }

    /** One aggregate's events in its own order: a tool call's decision trail. */
    public List<StoredEvent> ofAggregate(String aggregateId, int limit) {
        return jdbc.query(
                SELECT + " where aggregate_identifier = ? order by sequence_number limit ?",
                this::stored,
                aggregateId,
                limit);
    }

    private StoredEvent stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String payloadType = rs.getString("payload_type");
        return new StoredEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                EventTypeNames.of(payloadType),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                rs.getString("time_stamp"),
                ownerOf(rs.getBytes("meta_data")),
                publicPayloads.of(payloadType, new String(rs.getBytes("payload"), StandardCharsets.UTF_8)));
    }

    long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private String ownerOf(byte[] metadata) {
        if (metadata == null || metadata.length == 0) {
            return null;
        }
        JsonNode owner = json.readTree(metadata).get(OwnerMetaData.KEY);
        return owner == null || owner.isNull() ? null : owner.asString();
    }
}
