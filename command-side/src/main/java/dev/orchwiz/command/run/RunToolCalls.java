package dev.orchwiz.command.run;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.run.ToolResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tool calls runs are waiting for, with the output each has produced so far (capped), and, once a call settles,
 * its result until the model call it is sent to records it (ADR 0020).
 */
@Component
class RunToolCalls {

    /** What goes back to the model of one call's output; the rest is in the call's own record. */
    static final int OUTPUT_LIMIT = 32 * 1024;

    private final JdbcTemplate jdbc;

    RunToolCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A call a run is about to ask for: its id, the runtime's id for it and the tool. */
    record Link(ToolCallId call, String providerCallId, String tool) {}

    /** Links a step's calls to their run, in one statement however many the model asked for. */
    void link(RunId run, List<Link> calls) {
        if (calls.isEmpty()) {
            return;
        }
        Object[] ids = calls.stream().map(link -> link.call().value()).toArray();
        Object[] providerIds = calls.stream().map(Link::providerCallId).toArray();
        Object[] tools = calls.stream().map(Link::tool).toArray();
        jdbc.update(
                "insert into agent_run_tool_call (tool_call_id, run_id, provider_call_id, tool)"
                        + " select call, ?, provider, tool from unnest(?, ?, ?) as asked (call, provider, tool)"
                        + " on conflict (tool_call_id) do nothing",
                statement -> {
                    statement.setObject(1, run.value());
                    statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids));
                    statement.setArray(3, statement.getConnection().createArrayOf("text", providerIds));
                    statement.setArray(4, statement.getConnection().createArrayOf("text", tools));
                });
    }

    Optional<RunId> runOf(ToolCallId call) {
        List<UUID> found = jdbc.queryForList(
                "select run_id from agent_run_tool_call where tool_call_id = ?", UUID.class, call.value());
        return found.stream().findFirst().map(RunId::new);
    }

    /** Adds output while the kept text is under the limit; the model is told when it was cut. */
    void appendOutput(ToolCallId call, String text) {
        jdbc.update(
                "update agent_run_tool_call set output = left(output || ?, ?) where tool_call_id = ?"
                        + " and length(output) < ?",
                text,
                OUTPUT_LIMIT + 1,
                call.value(),
                OUTPUT_LIMIT + 1);
    }

    String output(ToolCallId call) {
        List<String> found = jdbc.queryForList(
                "select output from agent_run_tool_call where tool_call_id = ?", String.class, call.value());
        String output = found.isEmpty() ? "" : found.get(0);
        return output.length() > OUTPUT_LIMIT
                ? output.substring(0, OUTPUT_LIMIT) + "\n[output truncated at " + OUTPUT_LIMIT + " characters]"
                : output;
    }

    List<ToolCallId> pendingOf(RunId run) {
        return jdbc
                .queryForList(
                        "select tool_call_id from agent_run_tool_call where run_id = ? and settled_at is null",
                        UUID.class,
                        run.value())
                .stream()
                .map(ToolCallId::new)
                .toList();
    }

    /**
     * Settles a call in its row, once: a call settled twice (cancelled after it was refused) keeps its first result. A
     * call without a row (one never asked for, refused before) gets one.
     */
    void settle(RunId run, ToolResult result) {
        jdbc.update(
                "insert into agent_run_tool_call (tool_call_id, run_id, tool, status, result, error, settled_at)"
                        + " values (?, ?, '', ?, ?, ?, ?)"
                        + " on conflict (tool_call_id) do update set status = excluded.status,"
                        + " result = excluded.result, error = excluded.error, settled_at = excluded.settled_at"
                        + " where agent_run_tool_call.settled_at is null",
                result.toolCallId().value(),
                run.value(),
                result.status(),
                result.output(),
                result.error(),
                Timestamp.from(result.settledAt()));
    }

    /**
     * Settles a call in the row it was linked with, once; answers whether this settled it. Nothing happens when it was
     * settled already, or recorded and forgotten since: a second settling (the call's event after the node that ran
     * it settled it, ADR 0024) must not leave a row its run would take for a result of a later step.
     */
    boolean settleLinked(ToolResult result) {
        return jdbc.update(
                        "update agent_run_tool_call set status = ?, result = ?, error = ?, settled_at = ?"
                                + " where tool_call_id = ? and settled_at is null",
                        result.status(),
                        result.output(),
                        result.error(),
                        Timestamp.from(result.settledAt()),
                        result.toolCallId().value())
                > 0;
    }

    /**
     * Takes the run's settled results for its next model call when none of its calls is still pending, or nothing.
     * Two calls settling at once both try; the rows' locks let one take them: the other, waiting for the lock, finds
     * them claimed. Taking them marks the run's model call in flight for {@code node} in the same statement, so a node
     * that dies right after claiming leaves a run its restart fails with these results, never one left waiting.
     */
    List<ToolResult> claimStep(RunId run, String node) {
        return jdbc.query(
                "with step as (update agent_run_tool_call set claimed = true where run_id = ? and not claimed"
                        + " and settled_at is not null and not exists (select 1 from agent_run_tool_call p"
                        + " where p.run_id = ? and p.settled_at is null)"
                        + " returning tool_call_id, status, result, error, settled_at),"
                        + " in_flight as (insert into agent_run_model_call (run_id, node)"
                        + " select ?, ? where exists (select 1 from step)"
                        + " on conflict (run_id) do update set node = excluded.node, started_at = now())"
                        + " select tool_call_id, status, result, error, settled_at from step",
                RunToolCalls::result,
                run.value(),
                run.value(),
                run.value(),
                node);
    }

    /** The results that settled for the run and were not recorded yet, claimed or not, in the order asked. */
    List<ToolResult> settledOf(RunId run) {
        return jdbc.query(
                "select tool_call_id, status, result, error, settled_at from agent_run_tool_call"
                        + " where run_id = ? and settled_at is not null order by created_at, tool_call_id",
                RunToolCalls::result,
                run.value());
    }

    /** Gives claimed results back, so a step that could not call the model leaves them to the next one. */
    void release(List<ToolResult> results) {
        updateCalls("update agent_run_tool_call set claimed = false where tool_call_id = any(?)", results);
    }

    void forget(List<ToolResult> results) {
        updateCalls("delete from agent_run_tool_call where tool_call_id = any(?)", results);
    }

    /** One statement for the results' calls, instead of a batch of one statement per call. */
    private void updateCalls(String sql, List<ToolResult> results) {
        if (results.isEmpty()) {
            return;
        }
        Object[] calls =
                results.stream().map(result -> result.toolCallId().value()).toArray();
        jdbc.update(
                sql,
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", calls)));
    }

    /** Forgets every call of a run that has ended: nothing of it will be sent to a model again. */
    void forgetRun(RunId run) {
        jdbc.update("delete from agent_run_tool_call where run_id = ?", run.value());
    }

    private static ToolResult result(ResultSet row, int index) throws SQLException {
        return new ToolResult(
                new ToolCallId(row.getObject("tool_call_id", UUID.class)),
                row.getString("status"),
                row.getString("result"),
                row.getBoolean("error"),
                row.getTimestamp("settled_at").toInstant());
    }
}
