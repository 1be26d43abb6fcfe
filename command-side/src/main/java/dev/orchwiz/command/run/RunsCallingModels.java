package dev.orchwiz.command.run;

import dev.orchwiz.api.id.RunId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The runs whose model this node is calling, kept in the database so that they outlive the node's process. */
@Component
class RunsCallingModels {

    private final JdbcTemplate jdbc;
    private final String node;

    RunsCallingModels(JdbcTemplate jdbc, RunProperties properties) {
        this.jdbc = jdbc;
        this.node = properties.node();
    }

    void begin(RunId run) {
        jdbc.update(
                "insert into agent_run_model_call (run_id, node) values (?, ?)"
                        + " on conflict (run_id) do update set node = excluded.node, started_at = now()",
                run.value(),
                node);
    }

    void end(RunId run) {
        jdbc.update("delete from agent_run_model_call where run_id = ?", run.value());
    }

    /** The runs this node was calling a model for when it last stopped. */
    List<RunId> leftBehind() {
        return jdbc.queryForList("select run_id from agent_run_model_call where node = ?", UUID.class, node).stream()
                .map(RunId::new)
                .toList();
    }
}
