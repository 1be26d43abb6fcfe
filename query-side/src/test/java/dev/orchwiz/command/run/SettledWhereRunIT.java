package dev.orchwiz.command.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestNodes;
import dev.orchwiz.TestRuns;
import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.run.ToolResult;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A call of a run that the node runs and that prints nothing settles its run where it ran, as it ends, not after a
 * hop through the run process's processor (ADR 0024); a second settling of the same call changes nothing.
 */
class SettledWhereRunIT {

    @Test
    void aQuietCallTakesItsRunOnEvenWhenTheRunProcessNeverSeesItsEnd() throws IOException {
        try (ConfigurableApplicationContext node = start()) {
            NodeClient client = TestNodes.client(node, "ada@example.com", false);
            String runId = awaitingApproval(client, "run: true");
            String call = TestRuns.awaitRun(client, runId, "awaiting_approval")
                    .path("toolCalls")
                    .get(0)
                    .path("toolCallId")
                    .asString();

            // when the run process's processor stops (it would hand the call's end to the run) and the owner approves
            node.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(WhenRunStartsOrToolCallsSettleThenCallTheModel.PROCESSING_GROUP)
                    .orElseThrow()
                    .shutDown();
            Reply approved = decide(client, call);
            assertThat(approved.status()).as(approved.raw()).isEqualTo(200);

            // then the call runs, and its end alone takes the run to its next model call and answer
            JsonNode done = TestRuns.awaitRun(client, runId, "completed", "failed");
            assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
            assertThat(done.path("steps").asInt()).isEqualTo(2);
            JsonNode settled = done.path("toolCalls").get(0);
            assertThat(settled.path("status").asString()).isEqualTo("completed");
            assertThat(settled.path("output").asString()).isEqualTo("exit code 0");
            assertThat(node.getBean(JdbcTemplate.class)
                            .queryForList(
                                    "select tool_call_id from agent_run_tool_call where run_id = ?",
                                    UUID.class,
                                    UUID.fromString(runId)))
                    .as("a recorded result is forgotten")
                    .isEmpty();
        }
    }

    @Test
    void aCallSettlesInItsRowOnceAndNeverAgainOnceItsResultIsRecorded() throws IOException {
        try (ConfigurableApplicationContext node = start()) {
            NodeClient client = TestNodes.client(node, "ada@example.com", false);
            String runId = awaitingApproval(client, "run: date");
            RunId run = new RunId(UUID.fromString(runId));
            ToolCallId call = ToolCallId.of(TestRuns.awaitRun(client, runId, "awaiting_approval")
                    .path("toolCalls")
                    .get(0)
                    .path("toolCallId")
                    .asString());
            RunToolCalls links = node.getBean(RunToolCalls.class);
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);

            // a linked call settles once: a second settling keeps the first result
            assertThat(links.settleLinked(new ToolResult(call, "completed", "first", false, Instant.now())))
                    .isTrue();
            assertThat(links.settleLinked(new ToolResult(call, "cancelled", "second", true, Instant.now())))
                    .isFalse();
            List<ToolResult> settled = links.settledOf(run);
            assertThat(settled).extracting(ToolResult::output).containsExactly("first");

            // and once its result is recorded and forgotten, settling it again leaves no row behind
            links.forget(settled);
            assertThat(links.settleLinked(new ToolResult(call, "completed", "late", false, Instant.now())))
                    .isFalse();
            assertThat(jdbc.queryForList(
                            "select tool_call_id from agent_run_tool_call where run_id = ?", UUID.class, run.value()))
                    .isEmpty();
        }
    }

    private static ConfigurableApplicationContext start() throws IOException {
        return TestNodes.start(
                TestDatabase.create(),
                "--orchwiz.execution.enabled=true",
                "--orchwiz.execution.workspace-root=" + Files.createTempDirectory("orchwiz-settled-where-run"));
    }

    /** A run in a plan-mode session whose one call waits for the owner's approval; answers its id. */
    private static String awaitingApproval(NodeClient client, String prompt) {
        Reply created = client.post(
                "/api/sessions",
                NodeClient.json(Map.of("title", "settled where run", "mode", "plan", "runtime", "local")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String session = created.json().get("id").asString();
        Reply prompted = client.post("/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", prompt)));
        assertThat(prompted.status()).as(prompted.raw()).isEqualTo(202);
        return prompted.json().path("runId").asString();
    }

    private static Reply decide(NodeClient client, String call) {
        String hash =
                client.get("/api/tool-calls/" + call).json().path("inputHash").asString();
        return client.post("/api/approvals/" + call, NodeClient.json(Map.of("decision", "approve", "inputHash", hash)));
    }
}
