package dev.orchwiz.projection.toolcall;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.query.AbandonedRuns;
import dev.orchwiz.api.toolcall.query.ApprovalItem;
import dev.orchwiz.api.toolcall.query.ApprovalPage;
import dev.orchwiz.api.toolcall.query.ApprovalView;
import dev.orchwiz.api.toolcall.query.CancelRequestedRuns;
import dev.orchwiz.api.toolcall.query.ExpiredApprovals;
import dev.orchwiz.api.toolcall.query.FindAbandonedRuns;
import dev.orchwiz.api.toolcall.query.FindCancelRequestedRuns;
import dev.orchwiz.api.toolcall.query.FindExpiredApprovals;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.HookVerdictView;
import dev.orchwiz.api.toolcall.query.ListApprovals;
import dev.orchwiz.api.toolcall.query.ListToolCallOutput;
import dev.orchwiz.api.toolcall.query.ListToolCalls;
import dev.orchwiz.api.toolcall.query.OutputChunk;
import dev.orchwiz.api.toolcall.query.ToolCallOutput;
import dev.orchwiz.api.toolcall.query.ToolCallPage;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.RowPage;
import dev.orchwiz.projection.rows.ViewerParameters;
import dev.orchwiz.projection.rows.VisibleRow;
import dev.orchwiz.projection.rows.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers tool call, approval and output questions; members see their own calls, admins every call. */
@Component
class ToolCallQueries {

    private static final String VISIBLE = "(:admin or owner_id = :viewer)";

    /** The call's row and the address of whoever decided its approval, looked up now so a changed address shows. */
    private static final String ROWS = "select tool_call.*, (select u.email from user_account u"
            + " where u.id = tool_call.approval ->> 'decidedBy') as decider_email from tool_call";

    private final NamedParameterJdbcTemplate jdbc;

    ToolCallQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<ToolCallView> handle(FindToolCall query) {
        return call(query.viewer(), query.toolCallId());
    }

    @QueryHandler
    public ToolCallPage handle(ListToolCalls query) {
        Where where = new Where(VISIBLE, ViewerParameters.of(query.viewer()))
                .and("status = :status", "status", Columns.name(query.status()))
                .and("command_id = :command", "command", Columns.uuid(query.commandId()))
                .and("session_id = :session", "session", Columns.uuid(query.sessionId()))
                .and("parent_id = :parent", "parent", Columns.uuid(query.parentId()));
        return page(where, " order by requested_at desc, id", query.page(), query.size(), (rs, n) -> view(rs))
                .answer(ToolCallPage::new, query);
    }

    @QueryHandler
    public ApprovalPage handle(ListApprovals query) {
        String status = query.status() == null ? "pending" : query.status().toLowerCase(Locale.ROOT);
        Where where = new Where(VISIBLE + " and approval is not null", ViewerParameters.of(query.viewer()))
                .and("status = 'AWAITING_APPROVAL'", status.equals("pending"))
                .and("status <> 'AWAITING_APPROVAL'", status.equals("decided"));
        String order =
                switch (status) {
                    case "pending" -> " order by expires_at, id";
                    case "decided" -> " order by finished_at desc nulls last, requested_at desc, id";
                    default -> " order by requested_at desc, id";
                };
        return page(where, order, query.page(), query.size(), (rs, n) -> approval(rs))
                .answer(ApprovalPage::new, query);
    }

    @QueryHandler
    public Optional<ToolCallOutput> handle(ListToolCallOutput query) {
        return call(query.viewer(), query.toolCallId()).map(view -> {
            List<OutputChunk> chunks = jdbc.query(
                    "select * from tool_call_output where tool_call_id = :id and sequence > :after order by sequence limit :limit",
                    new MapSqlParameterSource()
                            .addValue("id", query.toolCallId().value())
                            .addValue("after", query.after())
                            .addValue("limit", query.size()),
                    (rs, n) -> new OutputChunk(rs.getInt("sequence"), rs.getString("stream"), rs.getString("text")));
            return new ToolCallOutput(chunks, view.truncated(), view.status().isFinal());
        });
    }

    @QueryHandler
    public AbandonedRuns handle(FindAbandonedRuns query) {
        // A run without a runner was reported by a runtime in one go and is never left open; only node runs qualify.
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("before", Timestamp.from(query.startedBefore()))
                .addValue("limit", query.limit())
                .addValue("live", query.liveRunners().isEmpty() ? List.of("") : List.copyOf(query.liveRunners()));
        return new AbandonedRuns(jdbc.query(
                """
                select id, runner, started_at from tool_call
                where status = 'RUNNING' and runner is not null and runner not in (:live) and started_at < :before
                order by started_at limit :limit
                """,
                parameters,
                (rs, n) -> new AbandonedRuns.AbandonedRun(
                        rs.getString("id"), rs.getString("runner"), Columns.instant(rs, "started_at"))));
    }

    @QueryHandler
    public CancelRequestedRuns handle(FindCancelRequestedRuns query) {
        return new CancelRequestedRuns(jdbc.query(
                "select id from tool_call where runner = :runner and status = 'RUNNING' and cancel_requested",
                new MapSqlParameterSource("runner", query.runner()),
                (rs, n) -> rs.getString("id")));
    }

    @QueryHandler
    public ExpiredApprovals handle(FindExpiredApprovals query) {
        List<ToolCallId> ids = jdbc.query(
                "select id from tool_call where status = 'AWAITING_APPROVAL' and expires_at <= :now order by expires_at limit :limit",
                new MapSqlParameterSource()
                        .addValue("now", Timestamp.from(query.now()))
                        .addValue("limit", query.limit()),
                (rs, n) -> ToolCallId.of(rs.getString("id")));
        return new ExpiredApprovals(ids);
    }

    private Optional<ToolCallView> call(Actor viewer, ToolCallId id) {
        return VisibleRow.find(jdbc, ROWS + " where id = :id and " + VISIBLE, viewer, id, (rs, n) -> view(rs));
    }

    private <T> RowPage<T> page(Where where, String order, int page, int size, RowMapper<T> row) {
        return RowPage.read(
                jdbc,
                "select count(*) from tool_call" + where,
                ROWS + where + order,
                where.parameters(),
                page,
                size,
                row);
    }

    private static ToolCallView view(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ToolCallView(
                rs.getString("id"),
                rs.getString("tool"),
                rs.getString("summary"),
                ToolCallOrigin.valueOf(rs.getString("origin")),
                rs.getString("parent_id"),
                rs.getString("command_id"),
                rs.getString("command_name"),
                rs.getString("session_id"),
                rs.getString("subagent_id"),
                ToolCallStatus.valueOf(rs.getString("status")),
                outcome == null ? null : PermissionOutcome.valueOf(outcome),
                rs.getString("reason"),
                Jsonb.read(rs.getString("decided_by"), RuleRef.class),
                shadowed(rs),
                Jsonb.readMap(rs.getString("input")),
                rs.getString("input_hash"),
                rs.getString("working_directory"),
                (Integer) rs.getObject("exit_code"),
                (Long) rs.getObject("duration_ms"),
                rs.getBoolean("truncated"),
                rs.getString("owner_id"),
                Columns.instant(rs, "requested_at"),
                Columns.instant(rs, "started_at"),
                Columns.instant(rs, "finished_at"),
                approval(rs, Jsonb.read(rs.getString("approval"), ApprovalView.class)),
                Jsonb.read(rs.getString("hooks"), new TypeReference<List<HookVerdictView>>() {}),
                rs.getLong("version"));
    }

    private static ApprovalItem approval(ResultSet rs) throws SQLException {
        ApprovalView approval = approval(rs, Jsonb.read(rs.getString("approval"), ApprovalView.class));
        ToolCallStatus status = ToolCallStatus.valueOf(rs.getString("status"));
        String state =
                switch (status) {
                    case AWAITING_APPROVAL -> "pending";
                    case EXPIRED -> "expired";
                    default ->
                        approval != null && approval.decision() != null
                                ? (approval.decision().equals("approve") ? "approved" : "denied")
                                : status.wireName();
                };
        return new ApprovalItem(
                rs.getString("id"),
                rs.getString("tool"),
                rs.getString("summary"),
                Jsonb.readMap(rs.getString("input")),
                rs.getString("input_hash"),
                rs.getString("session_id"),
                rs.getString("subagent_id"),
                rs.getString("command_name"),
                Jsonb.read(rs.getString("decided_by"), RuleRef.class),
                rs.getString("reason"),
                Columns.instant(rs, "requested_at"),
                Columns.instant(rs, "expires_at"),
                state,
                approval == null ? null : approval.decidedBy(),
                approval == null ? null : approval.decidedByEmail(),
                approval == null ? null : approval.comment(),
                approval == null ? null : approval.decidedAt());
    }

    private static ApprovalView approval(ResultSet rs, ApprovalView stored) throws SQLException {
        return stored == null ? null : stored.withDecidedByEmail(rs.getString("decider_email"));
    }

    private static List<RuleRef> shadowed(ResultSet rs) throws SQLException {
        List<RuleRef> shadowed = Jsonb.read(rs.getString("shadowed"), new TypeReference<List<RuleRef>>() {});
        return shadowed == null ? List.of() : shadowed;
    }
}
