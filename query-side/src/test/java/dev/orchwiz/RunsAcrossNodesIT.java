package dev.orchwiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Runs when nodes come and go: a run whose node stops beating (crashed, killed, cut off) does not stay "running"
 * forever, and a cancel reaches the runner even when the cancellation event went to another node's processor.
 */
class RunsAcrossNodesIT {

    private static ConfigurableApplicationContext start(TestDatabase.Database database, String... settings) {
        return TestNodes.start(database, settings);
    }

    private static NodeClient client(ConfigurableApplicationContext context) {
        return TestNodes.client(context, "runner@example.com", false);
    }

    private static String created(NodeClient.Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** Starts {@code sleep 300} as an allowed slash command in an auto-accept session and waits until it runs. */
    private static String longRun(NodeClient node) {
        String session = created(
                node.post("/api/sessions", NodeClient.json(Map.of("title", "long job", "mode", "auto_accept"))));
        created(node.post(
                "/api/permissions",
                NodeClient.json(Map.of(
                        "rule", "Bash(sleep *)", "outcome", "allow", "scope", "session", "sessionId", session))));
        String command =
                created(node.post("/api/commands", NodeClient.json(Map.of("name", "nap", "script", "sleep 300"))));
        NodeClient.Reply started =
                node.post("/api/commands/" + command + "/execute", NodeClient.json(Map.of("sessionId", session)));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String call = started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> "running"
                .equals(node.get("/api/tool-calls/" + call)
                        .json()
                        .path("status")
                        .asString()));
        return call;
    }

    @Test
    void anotherNodeFinishesTheRunOfANodeThatStoppedBeating() throws IOException {
        TestDatabase.Database database = TestDatabase.create();
        Path workspace = Files.createTempDirectory("orchwiz-abandoned");
        // Node A beats once at start and then falls silent, as a frozen or crashed process would.
        try (ConfigurableApplicationContext silent = start(
                database,
                "--orchwiz.execution.enabled=true",
                "--orchwiz.execution.workspace-root=" + workspace,
                "--orchwiz.execution.runner-heartbeat=PT1H",
                "--orchwiz.execution.abandoned-run-check=PT1H")) {
            NodeClient a = client(silent);
            String call = longRun(a);

            // when node B, which considers a runner dead after 2 s of silence, looks
            try (ConfigurableApplicationContext watcher = start(
                    database,
                    "--orchwiz.execution.runner-stale-after=PT2S",
                    "--orchwiz.execution.abandoned-run-check=PT0.5S")) {
                NodeClient b = client(watcher);

                // then the run ends as failed, with the reason in its record
                JsonNode[] finished = new JsonNode[1];
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    finished[0] = b.get("/api/tool-calls/" + call).json();
                    assertThat(finished[0].path("status").asString()).isEqualTo("failed");
                });
                assertThat(finished[0].path("reason").asString())
                        .contains("interrupted")
                        .contains("stopped before the run finished");
                assertThat(b.get("/api/tool-calls/" + call + "/trail")
                                .json()
                                .path("items")
                                .findValuesAsString("type"))
                        .endsWith("toolcall.failed");
            }
        }
    }

    @Test
    void aCancelReachesTheRunnerEvenWhenItsProcessorNeverSeesTheEvent() throws IOException {
        TestDatabase.Database database = TestDatabase.create();
        Path workspace = Files.createTempDirectory("orchwiz-cancel");
        try (ConfigurableApplicationContext node = start(
                database,
                "--orchwiz.execution.enabled=true",
                "--orchwiz.execution.workspace-root=" + workspace,
                "--orchwiz.execution.cancel-check=PT0.2S")) {
            NodeClient client = client(node);
            String call = longRun(client);

            // when the runner's processor is gone (as when its segment moved to another node) and the owner cancels
            node.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                    .eventProcessor("tool-call-runs")
                    .orElseThrow()
                    .shutDown();
            assertThat(client.post("/api/executions/" + call + "/cancel", "{}").status())
                    .isEqualTo(200);

            // then the runner still stops the process, and the call ends cancelled long before the sleep would
            JsonNode[] ended = new JsonNode[1];
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                ended[0] = client.get("/api/tool-calls/" + call).json();
                assertThat(ended[0].path("status").asString()).isEqualTo("cancelled");
            });
            assertThat(ended[0].path("durationMs").asLong()).isLessThan(60_000);
        }
    }
}
