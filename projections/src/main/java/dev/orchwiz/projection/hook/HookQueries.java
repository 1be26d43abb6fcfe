package dev.orchwiz.projection.hook;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchwiz.api.hook.DeliveryStatus;
import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.hook.query.DeliveryAttemptView;
import dev.orchwiz.api.hook.query.DueDeliveries;
import dev.orchwiz.api.hook.query.DueDelivery;
import dev.orchwiz.api.hook.query.FindDueDeliveries;
import dev.orchwiz.api.hook.query.FindHook;
import dev.orchwiz.api.hook.query.FindHookDelivery;
import dev.orchwiz.api.hook.query.FindMatchingHooks;
import dev.orchwiz.api.hook.query.HookDeliveryPage;
import dev.orchwiz.api.hook.query.HookDeliveryView;
import dev.orchwiz.api.hook.query.HookPage;
import dev.orchwiz.api.hook.query.HookView;
import dev.orchwiz.api.hook.query.ListHookDeliveries;
import dev.orchwiz.api.hook.query.ListHooks;
import dev.orchwiz.api.hook.query.ListToolCallDeliveries;
import dev.orchwiz.api.hook.query.MatchingHooks;
import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.RowPage;
import dev.orchwiz.projection.rows.ViewerParameters;
import dev.orchwiz.projection.rows.VisibleRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers hook and delivery questions; only a hook's owner (or an admin) sees it and its deliveries. */
@Component
class HookQueries {

    private static final String SELECT_HOOK = """
            select h.*, stats.deliveries, stats.failures, stats.last_delivery_at
            from hook h
            left join lateral (select count(*) as deliveries,
                                      count(*) filter (where d.status = 'DEAD_LETTERED') as failures,
                                      max(d.created_at) as last_delivery_at
                               from hook_delivery d where d.hook_id = h.id) stats on true
            """;
    private static final String VISIBLE = "(:admin or h.owner_id = :viewer)";
    private static final String SELECT_DELIVERY =
            "select d.*, h.name as hook_name from hook_delivery d left join hook h on h.id = d.hook_id";

    private final NamedParameterJdbcTemplate jdbc;

    HookQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<HookView> handle(FindHook query) {
        return VisibleRow.find(
                jdbc,
                SELECT_HOOK + " where h.id = :id and " + VISIBLE,
                query.viewer(),
                query.hookId(),
                (rs, n) -> hook(rs));
    }

    @QueryHandler
    public HookPage handle(ListHooks query) {
        return RowPage.read(
                        jdbc,
                        "select count(*) from hook h where " + VISIBLE,
                        SELECT_HOOK + " where " + VISIBLE + " order by h.created_at, h.id",
                        ViewerParameters.of(query.viewer()),
                        query,
                        (rs, n) -> hook(rs))
                .answer(HookPage::new, query);
    }

    /** Active hooks of the owner for the event whose session and subagent filters admit the call; matchers are
     * applied by the caller, on a linear-time regex engine. */
    @QueryHandler
    public MatchingHooks handle(FindMatchingHooks query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("owner", query.ownerId().value())
                .addValue("event", query.event().name())
                .addValue("session", Columns.uuid(query.sessionId()))
                .addValue("subagent", Columns.uuid(query.subagentId()))
                .addValue("admin", true)
                .addValue("viewer", query.ownerId().value());
        return new MatchingHooks(jdbc.query(SELECT_HOOK + """
                         where h.owner_id = :owner and h.event = :event and h.active
                           and (h.session_id is null or h.session_id = cast(:session as uuid))
                           and (h.subagent_id is null or h.subagent_id = cast(:subagent as uuid))
                         order by h.created_at, h.id
                        """, parameters, (rs, n) -> hook(rs)));
    }

    @QueryHandler
    public Optional<HookDeliveryPage> handle(ListHookDeliveries query) {
        if (handle(new FindHook(query.viewer(), query.hookId())).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RowPage.read(
                        jdbc,
                        "select count(*) from hook_delivery where hook_id = :hook",
                        SELECT_DELIVERY + " where d.hook_id = :hook order by d.created_at desc, d.id",
                        new MapSqlParameterSource("hook", query.hookId().value()),
                        query,
                        (rs, n) -> delivery(rs))
                .answer(HookDeliveryPage::new, query));
    }

    @QueryHandler
    public HookDeliveryPage handle(ListToolCallDeliveries query) {
        String where = " where d.tool_call_id = cast(:call as uuid) and (:admin or d.owner_id = :viewer)";
        return RowPage.read(
                        jdbc,
                        "select count(*) from hook_delivery d" + where,
                        SELECT_DELIVERY + where + " order by d.created_at, d.id",
                        ViewerParameters.of(query.viewer())
                                .addValue("call", query.toolCallId().value()),
                        query,
                        (rs, n) -> delivery(rs))
                .answer(HookDeliveryPage::new, query);
    }

    @QueryHandler
    public Optional<HookDeliveryView> handle(FindHookDelivery query) {
        return VisibleRow.find(
                jdbc,
                SELECT_DELIVERY + " where d.id = :id and (:admin or d.owner_id = :viewer)",
                query.viewer(),
                query.deliveryId(),
                (rs, n) -> delivery(rs));
    }

    @QueryHandler
    public DueDeliveries handle(FindDueDeliveries query) {
        return new DueDeliveries(jdbc.query(
                """
                select d.id, d.hook_id, d.webhook_id, h.url, d.body, d.attempt_count, d.series_start, h.timeout_seconds
                from hook_delivery d join hook h on h.id = d.hook_id
                where d.status in ('PENDING', 'RETRYING') and d.next_attempt_at <= :now and h.type = 'WEBHOOK'
                order by d.next_attempt_at limit :limit
                """,
                new MapSqlParameterSource()
                        .addValue("now", Timestamp.from(query.now()))
                        .addValue("limit", query.limit()),
                (rs, n) -> new DueDelivery(
                        HookDeliveryId.of(rs.getString("id")),
                        HookId.of(rs.getString("hook_id")),
                        rs.getString("webhook_id"),
                        rs.getString("url"),
                        rs.getString("body"),
                        rs.getInt("attempt_count") + 1,
                        rs.getInt("attempt_count") - rs.getInt("series_start") + 1,
                        (Integer) rs.getObject("timeout_seconds"))));
    }

    private static HookView hook(ResultSet rs) throws SQLException {
        return new HookView(
                rs.getString("id"),
                rs.getString("name"),
                HookEventName.valueOf(rs.getString("event")),
                rs.getString("matcher"),
                HookType.valueOf(rs.getString("type")),
                rs.getString("url"),
                rs.getString("command"),
                rs.getString("session_id"),
                rs.getString("subagent_id"),
                (Integer) rs.getObject("timeout_seconds"),
                rs.getBoolean("active"),
                HookFailurePolicy.valueOf(rs.getString("on_failure")),
                rs.getString("owner_id"),
                rs.getLong("deliveries"),
                rs.getLong("failures"),
                Columns.instant(rs, "last_delivery_at"),
                Columns.instant(rs, "created_at"),
                rs.getLong("version"));
    }

    private static HookDeliveryView delivery(ResultSet rs) throws SQLException {
        List<DeliveryAttemptView> attempts =
                Jsonb.read(rs.getString("attempts"), new TypeReference<List<DeliveryAttemptView>>() {});
        return new HookDeliveryView(
                rs.getString("id"),
                rs.getString("hook_id"),
                rs.getString("hook_name"),
                rs.getString("webhook_id"),
                rs.getString("tool_call_id"),
                rs.getString("event"),
                DeliveryStatus.valueOf(rs.getString("status")),
                attempts == null ? List.of() : attempts,
                Columns.instant(rs, "next_attempt_at"),
                Columns.instant(rs, "created_at"));
    }
}
