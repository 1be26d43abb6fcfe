package dev.orchwiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** What the event store holds survives a restart, and a read model rebuilt from it answers exactly as before. */
class NodeRestartIT {

    private static ConfigurableApplicationContext start(TestDatabase.Database database) {
        return TestNodes.start(database);
    }

    private static NodeClient client(ConfigurableApplicationContext context) {
        return TestNodes.client(context, "ops@example.com", true);
    }

    private static JsonNode everything(NodeClient node) {
        return node.get("/api/sessions?size=100").json();
    }

    @Test
    void keepsEverySessionAcrossARestartAndRebuildsTheSameLists() {
        // given a node with some history
        TestDatabase.Database database = TestDatabase.create();
        JsonNode before;
        try (ConfigurableApplicationContext first = start(database)) {
            NodeClient node = client(first);
            for (int i = 0; i < 12; i++) {
                String id = node.post("/api/sessions", NodeClient.json(Map.of("title", "session " + i)))
                        .json()
                        .get("id")
                        .asString();
                if (i % 3 == 0) {
                    node.post("/api/sessions/" + id + "/prompt", "{\"prompt\":\"go " + i + "\"}");
                }
                if (i % 4 == 0) {
                    node.post("/api/sessions/" + id + "/mode", "{\"mode\":\"auto_accept\"}");
                }
                if (i == 11) {
                    node.delete("/api/sessions/" + id);
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> node.get("/api/admin/projections/sessions")
                    .json()
                    .get("caughtUp")
                    .asBoolean());
            before = everything(node);
        }
        assertThat(before.get("totalItems").asLong()).isEqualTo(11);

        // when the node restarts
        try (ConfigurableApplicationContext second = start(database)) {
            NodeClient node = client(second);

            // then it answers as before
            assertThat(everything(node)).isEqualTo(before);

            // and when the read model is rebuilt from the event store
            assertThat(node.post("/api/admin/projections/sessions/rebuild", "").status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode status = node.get("/api/admin/projections/sessions").json();
                return status.get("caughtUp").asBoolean()
                        && !status.get("replaying").asBoolean();
            });

            // then the lists are the same, row for row
            assertThat(everything(node)).isEqualTo(before);
        }
    }
}
