package dev.orchwiz.projection.forwarding;

import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.forwarding.query.FindForwardedSession;
import dev.orchwiz.api.forwarding.query.FindForwardingSource;
import dev.orchwiz.api.forwarding.query.FindForwardingSourceByNode;
import dev.orchwiz.api.forwarding.query.FindSourceCredentials;
import dev.orchwiz.api.forwarding.query.FindThisNode;
import dev.orchwiz.api.forwarding.query.ForwardedEventPage;
import dev.orchwiz.api.forwarding.query.ForwardedEventView;
import dev.orchwiz.api.forwarding.query.ForwardedSessionPage;
import dev.orchwiz.api.forwarding.query.ForwardedSessionSummary;
import dev.orchwiz.api.forwarding.query.ForwardingSourcePage;
import dev.orchwiz.api.forwarding.query.ForwardingSourceView;
import dev.orchwiz.api.forwarding.query.ListForwardedSessionEvents;
import dev.orchwiz.api.forwarding.query.ListForwardedSessions;
import dev.orchwiz.api.forwarding.query.ListForwardingSources;
import dev.orchwiz.api.forwarding.query.NodeKeyView;
import dev.orchwiz.api.forwarding.query.SequenceGap;
import dev.orchwiz.api.forwarding.query.SourceCredentials;
import dev.orchwiz.api.forwarding.query.ThisNodeView;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.RowPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers forwarding questions. Sources and forwarded sessions are the node's, not a user's: only admins ask for
 * them (the query controller checks), as forwarded data has no local owner.
 */
@Component
class ForwardingQueries {

    private static final String SELECT_SOURCE = """
            select s.*, o.last_seen_at, o.high_water, o.max_seen
            from forwarding_source s left join forwarding_origin o on o.node_id = s.node_id""";

    private final NamedParameterJdbcTemplate jdbc;

    ForwardingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ThisNodeView handle(FindThisNode query) {
        List<NodeKeyView> keys = jdbc.query(
                "select * from node_key order by created_at, key_id",
                new MapSqlParameterSource(),
                (rs, n) -> new NodeKeyView(
                        rs.getString("key_id"),
                        rs.getString("public_key"),
                        rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                        Columns.instant(rs, "created_at"),
                        Columns.instant(rs, "valid_until"),
                        Columns.instant(rs, "revoked_at")));
        List<String> nodeIds = jdbc.queryForList(
                "select node_id from node_key order by created_at limit 1", new MapSqlParameterSource(), String.class);
        Optional<NodeKeyView> current =
                keys.stream().filter(key -> key.status().equals("current")).findFirst();
        Long position = jdbc.queryForObject(
                "select coalesce(max(global_index), -1) from domain_event_entry",
                new MapSqlParameterSource(),
                Long.class);
        return new ThisNodeView(
                nodeIds.stream().findFirst().orElse(null),
                current.map(NodeKeyView::keyId).orElse(null),
                current.map(NodeKeyView::publicKey).orElse(null),
                position == null ? -1 : position,
                keys);
    }

    @QueryHandler
    public ForwardingSourcePage handle(ListForwardingSources query) {
        RowPage<ForwardingSourceView> page = RowPage.read(
                jdbc,
                "select count(*) from forwarding_source",
                SELECT_SOURCE + " order by s.created_at, s.id",
                new MapSqlParameterSource(),
                query,
                (rs, n) -> source(rs));
        return page.answer(ForwardingSourcePage::new, query);
    }

    @QueryHandler
    public Optional<ForwardingSourceView> handle(FindForwardingSource query) {
        return jdbc
                .query(
                        SELECT_SOURCE + " where s.id = :id",
                        new MapSqlParameterSource("id", query.sourceId().value()),
                        (rs, n) -> source(rs))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public Optional<ForwardingSourceView> handle(FindForwardingSourceByNode query) {
        return jdbc
                .query(
                        SELECT_SOURCE + " where s.node_id = :node",
                        new MapSqlParameterSource("node", query.nodeId()),
                        (rs, n) -> source(rs))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public SourceCredentials handle(FindSourceCredentials query) {
        // A re-pinned source's previous key verifies until its grace ends: the origin may still sign with it.
        return new SourceCredentials(jdbc.queryForList(
                """
                select credential from forwarding_source where node_id = :node and kind = :kind and enabled
                union all
                select previous_credential from forwarding_source
                where node_id = :node and kind = :kind and enabled and previous_valid_until > now()""",
                new MapSqlParameterSource("node", query.nodeId())
                        .addValue("kind", query.kind().name()),
                String.class));
    }

    @QueryHandler
    public ForwardedSessionPage handle(ListForwardedSessions query) {
        String where = query.sourceNodeId() == null ? "" : " where origin = :origin";
        MapSqlParameterSource parameters = new MapSqlParameterSource("origin", query.sourceNodeId());
        RowPage<ForwardedSessionSummary> page = RowPage.read(
                jdbc,
                "select count(*) from forwarded_session" + where,
                "select * from forwarded_session" + where + " order by last_event_at desc, origin, session_id",
                parameters,
                query,
                (rs, n) -> forwardedSession(rs));
        return page.answer(ForwardedSessionPage::new, query);
    }

    @QueryHandler
    public Optional<ForwardedSessionSummary> handle(FindForwardedSession query) {
        return jdbc
                .query(
                        "select * from forwarded_session where origin = :origin and session_id = :session",
                        new MapSqlParameterSource("origin", query.sourceNodeId())
                                .addValue("session", query.sessionId()),
                        (rs, n) -> forwardedSession(rs))
                .stream()
                .findFirst();
    }

    /**
     * The events the inbox took in about one remote session, in the origin's order (its sequence; the original
     * format has none, so those follow by time). The inbox keeps every forwarded event, so this is the whole timeline.
     */
    @QueryHandler
    public ForwardedEventPage handle(ListForwardedSessionEvents query) {
        String where = " where origin = :origin and aggregate_id = :session";
        RowPage<ForwardedEventView> page = RowPage.read(
                jdbc,
                "select count(*) from forwarding_inbox" + where,
                "select * from forwarding_inbox" + where + " order by seq nulls last, occurred_at, event_id",
                new MapSqlParameterSource("origin", query.sourceNodeId()).addValue("session", query.sessionId()),
                query,
                (rs, n) -> new ForwardedEventView(
                        rs.getString("origin"),
                        rs.getString("event_id"),
                        (Long) rs.getObject("seq"),
                        rs.getString("type"),
                        rs.getString("aggregate_type"),
                        rs.getString("aggregate_id"),
                        Columns.instant(rs, "occurred_at"),
                        Columns.instant(rs, "received_at"),
                        Jsonb.readMap(rs.getString("payload"))));
        return page.answer(ForwardedEventPage::new, query);
    }

    private static ForwardedSessionSummary forwardedSession(ResultSet rs) throws SQLException {
        return new ForwardedSessionSummary(
                rs.getString("origin"),
                rs.getString("session_id"),
                rs.getString("title"),
                rs.getString("status"),
                rs.getLong("event_count"),
                Columns.instant(rs, "first_event_at"),
                Columns.instant(rs, "last_event_at"),
                rs.getString("last_event_type"));
    }

    private ForwardingSourceView source(ResultSet rs) throws SQLException {
        SourceKind kind = SourceKind.valueOf(rs.getString("kind"));
        String nodeId = rs.getString("node_id");
        Long mark = (Long) rs.getObject("high_water");
        Long maxSeen = (Long) rs.getObject("max_seen");
        List<SequenceGap> gaps = jdbc.query(
                "select from_seq, to_seq from forwarding_gap where node_id = :node order by from_seq limit 100",
                new MapSqlParameterSource("node", nodeId),
                (row, n) -> new SequenceGap(row.getLong("from_seq"), row.getLong("to_seq")));
        return new ForwardingSourceView(
                rs.getObject("id").toString(),
                nodeId,
                rs.getString("name"),
                kind,
                kind == SourceKind.PUBLIC_KEY ? rs.getString("credential") : null,
                rs.getBoolean("enabled"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "last_seen_at"),
                mark,
                gaps,
                maxSeen,
                rs.getString("pull_url"),
                rs.getLong("version"));
    }
}
