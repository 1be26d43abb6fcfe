package dev.orchwiz.command.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestNodes;
import dev.orchwiz.TestRuns;
import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.ToolResult;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A node that takes a step's settled results marks the run's model call in flight in the same statement (ADR 0020):
 * if it dies right after, its restart fails the run with those results instead of leaving it waiting for a step that
 * nobody will take. Lives in the run process's package to take a step the way the process does.
 */
class ClaimedStepIT {

    @Test
    void aNodeThatDiesRightAfterTakingAStepFailsTheRunWithItsResultsWhenItStartsAgain() throws IOException {
        TestDatabase.Database database = TestDatabase.create();
        String[] settings = {
            "--orchwiz.execution.enabled=true",
            "--orchwiz.execution.workspace-root=" + Files.createTempDirectory("orchwiz-claimed-step"),
            "--orchwiz.runs.node=node-under-test"
        };
        String runId;
        try (ConfigurableApplicationContext node = TestNodes.start(database, settings)) {
            NodeClient client = TestNodes.client(node, "ada@example.com", false);
            Reply created = client.post(
                    "/api/sessions",
                    NodeClient.json(Map.of("title", "claimed step", "mode", "plan", "runtime", "local")));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            String session = created.json().get("id").asString();
            Reply prompted =
                    client.post("/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", "run: date")));
            runId = prompted.json().path("runId").asString();
            TestRuns.awaitRun(client, runId, "awaiting_approval");
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            RunToolCalls links = node.getBean(RunToolCalls.class);
            RunId run = new RunId(UUID.fromString(runId));

            // A step is not taken while one of its calls is pending, and taking nothing marks nothing.
            assertThat(links.claimStep(run, "node-under-test")).isEmpty();
            assertThat(inFlight(jdbc, runId)).isEmpty();

            // The call settles (as its approval and execution would) and this node takes the step, then "dies":
            // the context closes before any model call, the way a kill between two statements would leave it.
            jdbc.update(
                    "update agent_run_tool_call set status = 'completed', result = 'Sun Dec  6', settled_at = now()"
                            + " where run_id = ?",
                    UUID.fromString(runId));
            List<ToolResult> step = links.claimStep(run, "node-under-test");
            assertThat(step).extracting(ToolResult::output).containsExactly("Sun Dec  6");
            assertThat(inFlight(jdbc, runId)).containsExactly("node-under-test");
            // A second settling finds the step taken.
            assertThat(links.claimStep(run, "node-under-test")).isEmpty();
        }
        try (ConfigurableApplicationContext node = TestNodes.start(database, settings)) {
            NodeClient client = TestNodes.client(node, "ada@example.com", false);
            JsonNode failed = TestRuns.awaitRun(client, runId, "failed");
            assertThat(failed.path("errorCode").asString()).isEqualTo("INTERRUPTED");
            JsonNode call = failed.path("toolCalls").get(0);
            assertThat(call.path("status").asString()).as(failed.toString()).isEqualTo("completed");
            assertThat(call.path("output").asString()).isEqualTo("Sun Dec  6");
            assertThat(inFlight(node.getBean(JdbcTemplate.class), runId)).isEmpty();
        }
    }

    private static List<String> inFlight(JdbcTemplate jdbc, String runId) {
        return jdbc.queryForList(
                "select node from agent_run_model_call where run_id = ?", String.class, UUID.fromString(runId));
    }
}
