package dev.orchwiz.query.events;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the forwarding inbox in the order this node took events in ({@code receipt}): what other nodes forwarded,
 * for the streams that ask for it. The inbox numbers its writes under a lock, so a receipt is visible only after every
 * lower one that will ever be (migration {@code V2026_12_06_1600}).
 */
@Component
class ForwardedEventsTable {

    /** One forwarded event as a stream frame carries it; {@code payload} is the JSON the origin sent. */
    record ForwardedFrame(
            long receipt,
            String sourceNodeId,
            String eventId,
            Long seq,
            String type,
            String aggregateType,
            String aggregateId,
            String timestamp,
            @com.fasterxml.jackson.annotation.JsonRawValue String payload) {}

    private final JdbcTemplate jdbc;

    ForwardedEventsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events received after {@code receipt}, of one origin or (null) every origin, in receipt order. */
    List<ForwardedFrame> after(long receipt, String origin, int limit) {
        return jdbc.query(
                """
                select receipt, origin, event_id, seq, type, aggregate_type, aggregate_id, occurred_at,
                       payload::text as payload
                from forwarding_inbox
                where receipt > ? and (cast(? as text) is null or origin = ?)
                order by receipt limit ?""",
                (rs, n) -> new ForwardedFrame(
                        rs.getLong("receipt"),
                        rs.getString("origin"),
                        rs.getString("event_id"),
                        (Long) rs.getObject("seq"),
                        rs.getString("type"),
                        rs.getString("aggregate_type"),
                        rs.getString("aggregate_id"),
                        rs.getTimestamp("occurred_at").toInstant().toString(),
                        rs.getString("payload")),
                receipt,
                origin,
                origin,
                limit);
    }

    /** The newest receipt, where a stream "from now" starts. */
    long head() {
        Long head = jdbc.queryForObject("select coalesce(max(receipt), 0) from forwarding_inbox", Long.class);
        return head == null ? 0 : head;
    }
}
