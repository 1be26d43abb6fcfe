package dev.orchwiz.command.run;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tool calls runs are waiting for, with the output each has produced so far (capped). */
@Component
class RunToolCalls {

    /** What goes back to the model of one call's output; the rest is in the call's own record. */
    static final int OUTPUT_LIMIT = 32 * 1024;

    private final JdbcTemplate jdbc;

    RunToolCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void link(ToolCallId call, RunId run, String providerCallId, String tool) {
        jdbc.update(
                "insert into agent_run_tool_call (tool_call_id, run_id, provider_call_id, tool) values (?, ?, ?, ?)"
                        + " on conflict (tool_call_id) do nothing",
                call.value(),
                run.value(),
                providerCallId,
                tool);
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
                .queryForList("select tool_call_id from agent_run_tool_call where run_id = ?", UUID.class, run.value())
                .stream()
                .map(ToolCallId::new)
                .toList();
    }

    void forget(ToolCallId call) {
        jdbc.update("delete from agent_run_tool_call where tool_call_id = ?", call.value());
    }
}
