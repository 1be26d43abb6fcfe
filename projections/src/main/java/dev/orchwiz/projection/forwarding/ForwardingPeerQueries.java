package dev.orchwiz.projection.forwarding;

import dev.orchwiz.api.forwarding.PeerRedaction;
import dev.orchwiz.api.forwarding.query.FindForwardingPeer;
import dev.orchwiz.api.forwarding.query.FindForwardingPeerClash;
import dev.orchwiz.api.forwarding.query.FindPullingPeer;
import dev.orchwiz.api.forwarding.query.ForwardingPeerPage;
import dev.orchwiz.api.forwarding.query.ForwardingPeerView;
import dev.orchwiz.api.forwarding.query.ListForwardingPeers;
import dev.orchwiz.api.forwarding.query.ListPeerDeadLetters;
import dev.orchwiz.api.forwarding.query.ListPeersToForward;
import dev.orchwiz.api.forwarding.query.PeerDeadLetterPage;
import dev.orchwiz.api.forwarding.query.PeerDeadLetterView;
import dev.orchwiz.api.forwarding.query.PeerTarget;
import dev.orchwiz.api.forwarding.query.PeersToForward;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.RowPage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers about the peers this node forwards to: the registration (from {@code forwarding_peer}) joined with how its
 * outbox stands ({@code forwarding_outbox}, written by the outbox with its token) and its dead letters. Lag counts
 * the events in this node's store after the outbox's position.
 */
@Component
class ForwardingPeerQueries {

    private static final String SELECT_PEER = """
            select p.*, o.position, o.sent_events, o.last_success_at, o.last_error_at, o.last_error, o.last_status,
                   (select count(*) from forwarding_dead_letter d where d.peer_id = p.id) as dead_letters,
                   (select coalesce(max(global_index), -1) from domain_event_entry) as head
            from forwarding_peer p left join forwarding_outbox o on o.peer_id = p.id""";

    private final NamedParameterJdbcTemplate jdbc;

    ForwardingPeerQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ForwardingPeerPage handle(ListForwardingPeers query) {
        RowPage<ForwardingPeerView> page = RowPage.read(
                jdbc,
                "select count(*) from forwarding_peer",
                SELECT_PEER + " order by p.created_at, p.id",
                new MapSqlParameterSource(),
                query,
                (rs, n) -> peer(rs));
        return page.answer(ForwardingPeerPage::new, query);
    }

    @QueryHandler
    public Optional<ForwardingPeerView> handle(FindForwardingPeer query) {
        return jdbc
                .query(
                        SELECT_PEER + " where p.id = :id",
                        new MapSqlParameterSource("id", query.peerId().value()),
                        (rs, n) -> peer(rs))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public Optional<ForwardingPeerView> handle(FindForwardingPeerClash query) {
        return jdbc
                .query(
                        SELECT_PEER + " where p.node_id = :node or p.url = :url order by p.id limit 1",
                        new MapSqlParameterSource("node", query.nodeId()).addValue("url", query.url()),
                        (rs, n) -> peer(rs))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public Optional<ForwardingPeerView> handle(FindPullingPeer query) {
        return jdbc
                .query(
                        SELECT_PEER + " where p.node_id = :node",
                        new MapSqlParameterSource("node", query.nodeId()),
                        (rs, n) -> peer(rs))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public PeersToForward handle(ListPeersToForward query) {
        return new PeersToForward(jdbc.query(
                "select * from forwarding_peer order by created_at, id",
                new MapSqlParameterSource(),
                (rs, n) -> new PeerTarget(
                        rs.getObject("id").toString(),
                        rs.getString("url"),
                        rs.getString("node_id"),
                        eventTypes(rs),
                        PeerRedaction.valueOf(rs.getString("redaction")),
                        rs.getBoolean("paused"),
                        rs.getInt("reset_count"),
                        rs.getLong("reset_position"))));
    }

    @QueryHandler
    public PeerDeadLetterPage handle(ListPeerDeadLetters query) {
        MapSqlParameterSource parameters =
                new MapSqlParameterSource("peer", query.peerId().value());
        RowPage<PeerDeadLetterView> page = RowPage.read(
                jdbc,
                "select count(*) from forwarding_dead_letter where peer_id = :peer",
                """
                select id, peer_id, webhook_id, from_seq, to_seq, events, status, error, attempts, created_at,
                       last_attempt_at
                from forwarding_dead_letter where peer_id = :peer order by id""",
                parameters,
                query,
                (rs, n) -> new PeerDeadLetterView(
                        rs.getLong("id"),
                        rs.getObject("peer_id").toString(),
                        rs.getString("webhook_id"),
                        rs.getLong("from_seq"),
                        rs.getLong("to_seq"),
                        rs.getInt("events"),
                        rs.getInt("status"),
                        rs.getString("error"),
                        rs.getInt("attempts"),
                        Columns.instant(rs, "created_at"),
                        Columns.instant(rs, "last_attempt_at")));
        return page.answer(PeerDeadLetterPage::new, query);
    }

    private static ForwardingPeerView peer(ResultSet rs) throws SQLException {
        long stored = rs.getLong("position");
        Long position = rs.wasNull() ? null : stored;
        long head = rs.getLong("head");
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        return new ForwardingPeerView(
                rs.getObject("id").toString(),
                rs.getString("url"),
                rs.getString("node_id"),
                rs.getString("public_key"),
                eventTypes(rs),
                PeerRedaction.valueOf(rs.getString("redaction")),
                rs.getBoolean("paused"),
                Columns.instant(rs, "created_at"),
                position,
                Math.max(0, head - (position == null ? -1 : position)),
                rs.getLong("sent_events"),
                Columns.instant(rs, "last_success_at"),
                Columns.instant(rs, "last_error_at"),
                rs.getString("last_error"),
                lastStatus,
                rs.getLong("dead_letters"),
                rs.getLong("version"));
    }

    private static List<String> eventTypes(ResultSet rs) throws SQLException {
        Array types = rs.getArray("event_types");
        return types == null ? List.of() : Arrays.asList((String[]) types.getArray());
    }
}
