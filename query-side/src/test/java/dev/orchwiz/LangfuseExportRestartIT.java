package dev.orchwiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchwiz.command.observability.FakeLangfuse;
import dev.orchwiz.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Langfuse export across a restart: a node stopped while a batch hangs in flight loses none of its runs' events
 * and, started again on the same database, sends none that Langfuse already acknowledged.
 */
class LangfuseExportRestartIT {

    /** What each finished run becomes: its trace (created, then updated), its root span (created, ended), a model call. */
    private static final List<String> EXPORT_OF_A_RUN =
            List.of("trace-create", "trace-create", "span-create", "span-update", "generation-create");

    private static ConfigurableApplicationContext node(TestDatabase.Database database, FakeLangfuse langfuse) {
        return TestNodes.start(
                database,
                "--orchwiz.observability.langfuse.host=" + langfuse.url(),
                "--orchwiz.observability.langfuse.public-key=pk-lf-restart",
                "--orchwiz.observability.langfuse.secret-key=sk-lf-restart",
                "--orchwiz.observability.langfuse.timeout=PT3S",
                "--orchwiz.observability.langfuse.initial-backoff=PT0.2S");
    }

    /** A prompt on the local runtime in a new session; answers the run's trace id once the run completed. */
    private static String completedRun(NodeClient client, String title) {
        NodeClient.Reply session = client.post(
                "/api/sessions", NodeClient.json(Map.of("title", title, "mode", "auto_accept", "runtime", "local")));
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        NodeClient.Reply started = client.post(
                "/api/sessions/" + session.json().get("id").asString() + "/prompt",
                NodeClient.json(Map.of("text", "Say hello for " + title)));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String runId = started.json().get("runId").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        client.get("/api/runs/" + runId).json().path("state").asString())
                .isEqualTo("completed"));
        return started.json().get("traceId").asString();
    }

    /** The kinds of event Langfuse acknowledged for one trace, in any order. */
    private static List<String> acknowledgedKinds(FakeLangfuse langfuse, String traceId) {
        return langfuse.acknowledged().stream()
                .filter(event -> traceId.equals(traceOf(event)))
                .map(event -> event.get("type").asText())
                .toList();
    }

    private static String traceOf(JsonNode event) {
        JsonNode body = event.get("body");
        return event.get("type").asText().startsWith("trace")
                ? body.path("id").asText()
                : body.path("traceId").asText();
    }

    @Test
    void aNodeStoppedMidExportLosesNothingAndSendsNothingTwiceAfterItStartsAgain() throws Exception {
        TestDatabase.Database database = TestDatabase.create();
        List<String> traces = new ArrayList<>();
        try (FakeLangfuse langfuse = new FakeLangfuse()) {
            try (ConfigurableApplicationContext first = node(database, langfuse)) {
                NodeClient client = TestNodes.client(first, "tracer@example.com", false);

                // given two runs Langfuse has acknowledged in full
                traces.add(completedRun(client, "one"));
                traces.add(completedRun(client, "two"));
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> traces.forEach(trace -> assertThat(acknowledgedKinds(langfuse, trace))
                                .containsExactlyInAnyOrderElementsOf(EXPORT_OF_A_RUN)));

                // and Langfuse stops answering while two more runs are exported
                langfuse.stall();
                traces.add(completedRun(client, "three"));
                traces.add(completedRun(client, "four"));
                await().atMost(Duration.ofSeconds(30)).until(() -> langfuse.stalledRequests() > 0);

                // when the node stops with that batch in flight
            }
            langfuse.release();

            // and starts again on the same database, where a fifth run follows
            try (ConfigurableApplicationContext second = node(database, langfuse)) {
                NodeClient client = TestNodes.client(second, "tracer@example.com", false);
                traces.add(completedRun(client, "five"));

                // then every run arrives whole
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> traces.forEach(trace -> assertThat(acknowledgedKinds(langfuse, trace))
                                .as("trace %s", trace)
                                .containsExactlyInAnyOrderElementsOf(EXPORT_OF_A_RUN)));
            }

            // and nothing Langfuse acknowledged was sent again
            List<String> acknowledged = langfuse.acknowledged().stream()
                    .map(event -> event.get("id").asText())
                    .toList();
            Set<String> twice = acknowledged.stream()
                    .filter(id -> acknowledged.indexOf(id) != acknowledged.lastIndexOf(id))
                    .collect(Collectors.toSet());
            assertThat(twice).as("envelopes acknowledged more than once").isEmpty();
            assertThat(acknowledged).hasSize(traces.size() * EXPORT_OF_A_RUN.size());
            assertThat(langfuse.requests)
                    .allSatisfy(request -> assertThat(request.authorization()).startsWith("Basic "));
        }
    }
}
