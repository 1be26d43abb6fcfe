package dev.orchwiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Waiting for agent runs, as their owner sees them over HTTP. */
public final class TestRuns {

    private TestRuns() {}

    /** The run once it is in one of the given states ({@code GET /api/runs/{id}}), within 30 seconds. */
    public static JsonNode awaitRun(NodeClient client, String runId, String... states) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            last[0] = client.get("/api/runs/" + runId).json();
            assertThat(last[0].path("state").asString()).isIn((Object[]) states);
        });
        return last[0];
    }
}
