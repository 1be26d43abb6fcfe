package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.forwarding.query.SequenceGap;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per origin: when it was last heard from, the sequence up to which every event arrived (the high-water mark), and
 * the gaps above it. An origin's first batch starts the mark just below its lowest sequence: history before it was
 * never asked for.
 */
@Component
class OriginMarks {

    /** Where an origin stands after a batch. */
    record Mark(Long highWater, List<SequenceGap> gaps) {}

    private final JdbcTemplate jdbc;

    OriginMarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the origin was heard from, and locks its row until the transaction ends. */
    void touch(String origin) {
        jdbc.update("""
                insert into forwarding_origin (node_id, last_seen_at) values (?, now())
                on conflict (node_id) do update set last_seen_at = now()""", origin);
        jdbc.queryForList("select node_id from forwarding_origin where node_id = ? for update", String.class, origin);
    }

    /**
     * Records what the batch covers and advances the mark over the coverage above it; call after {@link #touch} in
     * the same transaction. Coverage, not the inbox's events, decides: a position the origin filtered out for this
     * node, or never used, is no gap when a batch's range spans it. Coverage the mark has passed is deleted.
     */
    Mark advance(String origin, ForwardedBatch.Contents batch) {
        List<long[]> covered = covered(batch);
        jdbc.batchUpdate("""
                insert into forwarding_coverage (node_id, from_seq, to_seq) values (?, ?, ?)
                on conflict (node_id, from_seq) do update
                    set to_seq = greatest(forwarding_coverage.to_seq, excluded.to_seq)""", covered, covered.size(), (statement, range) -> {
            statement.setString(1, origin);
            statement.setLong(2, range[0]);
            statement.setLong(3, range[1]);
        });
        Long stored =
                jdbc.queryForObject("select high_water from forwarding_origin where node_id = ?", Long.class, origin);
        long highWater = stored == null ? batch.lowest() - 1 : stored;
        List<long[]> above = jdbc.query(
                "select from_seq, to_seq from forwarding_coverage where node_id = ? and to_seq > ? order by from_seq",
                (rs, n) -> new long[] {rs.getLong("from_seq"), rs.getLong("to_seq")},
                origin,
                highWater);
        List<SequenceGap> gaps = new ArrayList<>();
        long expected = highWater + 1;
        boolean contiguous = true;
        for (long[] range : above) {
            if (range[0] > expected) {
                gaps.add(new SequenceGap(expected, range[0] - 1));
                contiguous = false;
            }
            if (contiguous) {
                highWater = Math.max(highWater, range[1]);
            }
            expected = Math.max(expected, range[1] + 1);
        }
        jdbc.update("delete from forwarding_coverage where node_id = ? and to_seq <= ?", origin, highWater);
        Long maxSeen = above.isEmpty() ? null : expected - 1;
        jdbc.update(
                "update forwarding_origin set high_water = ?, max_seen = greatest(max_seen, cast(? as bigint)) where node_id = ?",
                highWater,
                maxSeen,
                origin);
        // A gap keeps when it was first noticed while it stays open (shrinking from above keeps its start), so the
        // gap filler can tell one that persists from one a batch in flight is about to close.
        jdbc.update(
                "delete from forwarding_gap where node_id = ? and from_seq <> all(?)",
                origin,
                gaps.stream().map(SequenceGap::fromSeq).toArray(Long[]::new));
        jdbc.batchUpdate("""
                insert into forwarding_gap (node_id, from_seq, to_seq) values (?, ?, ?)
                on conflict (node_id, from_seq) do update set to_seq = excluded.to_seq""", gaps, gaps.size(), (statement, gap) -> {
            statement.setString(1, origin);
            statement.setLong(2, gap.fromSeq());
            statement.setLong(3, gap.toSeq());
        });
        return new Mark(highWater, gaps);
    }

    /**
     * What a batch covers, as few ranges as it takes: its declared range, which holds all its events, or else its
     * events' own positions with neighbours joined. One row per event made a backlog's batch write and later delete
     * hundreds of coverage rows that said no more than one.
     */
    static List<long[]> covered(ForwardedBatch.Contents batch) {
        if (batch.fromSeq() != null) {
            return List.of(new long[] {batch.fromSeq(), batch.toSeq()});
        }
        long[] positions =
                batch.events().stream().mapToLong(ForwardedEvent::seq).sorted().toArray();
        List<long[]> ranges = new ArrayList<>();
        for (long position : positions) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && position <= last[1] + 1) {
                last[1] = Math.max(last[1], position);
            } else {
                ranges.add(new long[] {position, position});
            }
        }
        return ranges;
    }
}
