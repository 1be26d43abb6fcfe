package dev.orchwiz.projection.run;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.run.RunState;
import dev.orchwiz.api.run.query.FindRun;
import dev.orchwiz.api.run.query.FindTrace;
import dev.orchwiz.api.run.query.FindUsage;
import dev.orchwiz.api.run.query.ListNotableRuns;
import dev.orchwiz.api.run.query.ListSessionRuns;
import dev.orchwiz.api.run.query.RunPage;
import dev.orchwiz.api.run.query.RunToolCallView;
import dev.orchwiz.api.run.query.RunView;
import dev.orchwiz.api.run.query.SpanView;
import dev.orchwiz.api.run.query.TraceView;
import dev.orchwiz.api.run.query.Usage;
import dev.orchwiz.api.run.query.UsageRow;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.RowPage;
import dev.orchwiz.projection.rows.ViewerParameters;
import dev.orchwiz.projection.rows.VisibleRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers run, trace and usage questions; members see their own runs, admins every run. */
@Component
class RunQueries {

    private static final String VISIBLE = "(:admin or owner_id = :viewer)";
    private static final String ROWS = "select agent_run.*, tool_calls::text as calls, fallbacks::text as falls,"
            + " tags::text as labels,"
            + " (select u.email from user_account u where u.id = agent_run.owner_id) as owner_email from agent_run";
    private static final TypeReference<List<RunToolCallView>> TOOL_CALLS = new TypeReference<>() {};

    private final NamedParameterJdbcTemplate jdbc;

    RunQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<RunView> handle(FindRun query) {
        return VisibleRow.find(
                jdbc, ROWS + " where id = :id and " + VISIBLE, query.viewer(), query.runId(), (rs, n) -> view(rs));
    }

    @QueryHandler
    public RunPage handle(ListSessionRuns query) {
        String where = " where session_id = :session and " + VISIBLE;
        return RowPage.read(
                        jdbc,
                        "select count(*) from agent_run" + where,
                        ROWS + where + " order by started_at desc, id",
                        ViewerParameters.of(query.viewer())
                                .addValue("session", query.sessionId().value()),
                        query,
                        (rs, n) -> view(rs))
                .answer(RunPage::new, query);
    }

    @QueryHandler
    public Optional<TraceView> handle(FindTrace query) {
        MapSqlParameterSource parameters = ViewerParameters.of(query.viewer()).addValue("trace", query.traceId());
        List<SpanView> spans = jdbc.query(
                "select *, attributes::text as attrs, event_ids::text as events from run_span"
                        + " where trace_id = :trace and " + VISIBLE + " order by started_at, span_id",
                parameters,
                (rs, n) -> span(rs));
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select id, session_id from agent_run where trace_id = :trace and " + VISIBLE,
                        parameters,
                        (rs, n) ->
                                new TraceView(query.traceId(), rs.getString("id"), rs.getString("session_id"), spans))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public Usage handle(FindUsage query) {
        MapSqlParameterSource parameters = ViewerParameters.of(query.viewer())
                .addValue("since", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(query.days()))));
        String sql =
                switch (query.groupBy()) {
                    case MODEL -> usage("coalesce(model, '(none)')", "model");
                    case TOOL -> usage("coalesce(tool, '(none)')", "tool");
                    case DAY ->
                        usage("to_char(date_trunc('day', started_at at time zone 'UTC'), 'YYYY-MM-DD')", "model");
                    // A session by its title (people read titles), with the start of its id so two alike stay apart.
                    case SESSION ->
                        usage(
                                "(select coalesce(s.title, '(untitled)') || ' · ' || left(s.id::text, 8)"
                                        + " from agent_run r join session_summary s on s.id = r.session_id"
                                        + " where r.id = run_span.run_id)",
                                "model");
                };
        List<UsageRow> rows = jdbc.query(
                sql,
                parameters,
                (rs, n) -> new UsageRow(
                        rs.getString("key"),
                        rs.getLong("runs"),
                        rs.getLong("calls"),
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        rs.getBigDecimal("cost").stripTrailingZeros(),
                        rs.getLong("latency")));
        return new Usage(query.groupBy(), query.days(), rows);
    }

    /** Spans of {@code kind} since {@code :since}, grouped by {@code key}; days report model calls. */
    private static String usage(String key, String kind) {
        return "select " + key + " as key, count(distinct run_id) as runs, count(*) as calls,"
                + " coalesce(sum(input_tokens), 0) as input_tokens, coalesce(sum(output_tokens), 0) as output_tokens,"
                + " coalesce(sum(cost), 0) as cost,"
                + " coalesce(avg(extract(epoch from (ended_at - started_at)) * 1000), 0)::bigint as latency"
                + " from run_span where kind = '" + kind + "' and started_at >= :since and " + VISIBLE
                + " group by 1 order by 1";
    }

    @QueryHandler
    public RunPage handle(ListNotableRuns query) {
        MapSqlParameterSource parameters = ViewerParameters.of(query.viewer());
        String order =
                switch (query.sort()) {
                    case SLOWEST -> "ended_at - started_at desc";
                    case COSTLIEST -> "cost desc";
                };
        List<RunView> items = jdbc.query(
                ROWS + " where ended_at is not null and " + VISIBLE + " order by " + order + ", id limit :size",
                parameters.addValue("size", query.size()),
                (rs, n) -> view(rs));
        return new RunPage(items, 0, query.size(), items.size(), 1);
    }

    private static RunView view(ResultSet rs) throws SQLException {
        Instant started = Columns.instant(rs, "started_at");
        Instant ended = Columns.instant(rs, "ended_at");
        return new RunView(
                rs.getString("id"),
                rs.getString("session_id"),
                rs.getString("owner_id"),
                rs.getString("owner_email"),
                rs.getString("trace_id"),
                rs.getString("runtime"),
                rs.getString("model"),
                state(rs.getString("state")),
                rs.getInt("steps"),
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                cost(rs.getBigDecimal("cost")),
                rs.getString("prompt"),
                rs.getString("prompt_interaction_id"),
                rs.getString("output"),
                rs.getString("answer"),
                rs.getString("error_code"),
                rs.getString("error"),
                Jsonb.readStrings(rs.getString("falls")),
                Jsonb.read(rs.getString("calls"), TOOL_CALLS),
                started,
                ended,
                ended == null ? null : Duration.between(started, ended).toMillis(),
                Jsonb.readStringMap(rs.getString("labels")),
                rs.getLong("version"));
    }

    private static SpanView span(ResultSet rs) throws SQLException {
        Instant started = Columns.instant(rs, "started_at");
        Instant ended = Columns.instant(rs, "ended_at");
        return new SpanView(
                rs.getString("span_id"),
                rs.getString("parent_span_id"),
                rs.getString("name"),
                rs.getString("kind"),
                started,
                ended,
                ended == null ? null : Duration.between(started, ended).toMillis(),
                Jsonb.readMap(rs.getString("attrs")),
                Jsonb.readStrings(rs.getString("events")));
    }

    private static RunState state(String wireName) {
        return WireNamed.fromWire(RunState.class, wireName);
    }

    private static BigDecimal cost(BigDecimal stored) {
        return stored == null ? BigDecimal.ZERO : stored.stripTrailingZeros();
    }
}
