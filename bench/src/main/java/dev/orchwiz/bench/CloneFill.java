package dev.orchwiz.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Grows the event store past what the REST API can write in a sitting (a million events would take the fill an hour):
 * copies the sessions' own event streams in the database, each copy under new session ids derived from the old ones,
 * the store's head and the round, with the ids inside payload and metadata rewritten to match. The copies are real events of real
 * sessions, so the rebuild folds them like any other and the rebuilt list must show every copy.
 */
final class CloneFill {

    /** What the copies added. */
    record Result(long events, long sessions, double seconds) {}

    private static final String COPY = """
            insert into domain_event_entry
                (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                 payload_revision, payload, meta_data)
            select gen_random_uuid()::text, c.id, e.sequence_number, e.type, e.time_stamp, e.payload_type,
                   e.payload_revision,
                   convert_to(replace(convert_from(e.payload, 'UTF8'), e.aggregate_identifier, c.id), 'UTF8'),
                   convert_to(replace(convert_from(e.meta_data, 'UTF8'), e.aggregate_identifier, c.id), 'UTF8')
            from domain_event_entry e
            cross join lateral (select md5(e.aggregate_identifier || ':copy:' || ?)::uuid::text as id) c
            where e.type = 'Session' and e.global_index <= ?
            order by e.global_index
            """;

    private CloneFill() {}

    /**
     * Copies the session streams present now, round after round, until the store holds at least {@code target}
     * events; answers what was added.
     */
    static Result run(Connection jdbc, long target) throws SQLException {
        long t0 = System.nanoTime();
        long originalHead = single(jdbc, "select coalesce(max(global_index), 0) from domain_event_entry");
        long perRound = single(jdbc, "select count(*) from domain_event_entry where type = 'Session'");
        long sessionsPerRound = single(
                jdbc,
                "select count(*) from domain_event_entry where type = 'Session'"
                        + " and payload_type like '%.SessionStarted'");
        long events = single(jdbc, "select count(*) from domain_event_entry");
        long added = 0;
        long sessions = 0;
        if (perRound == 0) {
            return new Result(0, 0, 0);
        }
        boolean autoCommit = jdbc.getAutoCommit();
        jdbc.setAutoCommit(true);
        try (PreparedStatement copy = jdbc.prepareStatement(COPY)) {
            for (int round = 1; events + added < target; round++) {
                // The head as well as the round: a second fill of the same store copies the first fill's copies too,
                // and must not give any of them an id that fill already used.
                copy.setString(1, originalHead + "." + round);
                copy.setLong(2, originalHead);
                added += copy.executeUpdate();
                sessions += sessionsPerRound;
                Bench.log("  copied the session streams (round " + round + "): the store holds " + (events + added)
                        + " events");
            }
        } finally {
            jdbc.setAutoCommit(autoCommit);
        }
        return new Result(added, sessions, Measurement.secondsSince(t0));
    }

    private static long single(Connection jdbc, String sql) throws SQLException {
        try (Statement statement = jdbc.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
