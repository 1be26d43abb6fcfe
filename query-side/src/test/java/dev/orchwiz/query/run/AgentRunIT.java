package dev.orchwiz.query.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestNodes;
import dev.orchwiz.TestRuns;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A prompt runs an agent end to end on the deterministic local runtime: its tool calls pass the control plane (plan
 * mode asks, an approval resumes the run, a denial goes back to the model as the tool's error), the answer lands in the
 * run and the session, and the run is a trace of spans. Runs are their owner's alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class AgentRunIT {

    private static final Path WORKSPACE;

    static {
        try {
            WORKSPACE = Files.createTempDirectory("orchwiz-runs");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @DynamicPropertySource
    static void execution(DynamicPropertyRegistry properties) {
        properties.add("orchwiz.execution.enabled", () -> "true");
        properties.add("orchwiz.execution.workspace-root", WORKSPACE::toString);
        // An OpenAI-compatible server that is down (nothing listens on the discard port), and the local runtime
        // to fall back to.
        properties.add("orchwiz.runtime.openai.base-url", () -> "http://127.0.0.1:9/v1");
        properties.add("orchwiz.runs.fallback", () -> "local");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    NodeClient ada;
    NodeClient grace;

    @BeforeEach
    void connect() {
        ada = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
        grace = new NodeClient(port).withToken(TestUsers.token(context, "grace@example.com", false));
    }

    private String session(NodeClient client, String mode, String runtime) {
        Reply reply = client.post(
                "/api/sessions", NodeClient.json(Map.of("title", "agent run", "mode", mode, "runtime", runtime)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private JsonNode prompt(String session, String text) {
        Reply reply = ada.post("/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", text)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        assertThat(reply.json().path("traceId").asString()).matches("[0-9a-f]{32}");
        return reply.json();
    }

    private JsonNode awaitRun(NodeClient client, String runId, String... states) {
        return TestRuns.awaitRun(client, runId, states);
    }

    private Reply decide(String toolCallId, String decision) {
        String hash = ada.get("/api/tool-calls/" + toolCallId)
                .json()
                .path("inputHash")
                .asString();
        return ada.post(
                "/api/approvals/" + toolCallId,
                NodeClient.json(Map.of("decision", decision, "inputHash", hash, "comment", "by test")));
    }

    @Test
    void aPlanModeRunAsksForItsToolCallThenAnswersWithTheResultAndIsATrace() {
        // given a plan-mode session on the local runtime
        String session = session(ada, "plan", "local");

        // when the prompt asks for a command
        JsonNode started = prompt(session, "Please greet.\nrun: echo hello-from-run");
        String runId = started.path("runId").asString();

        // then the run waits for the approval of its Bash call
        JsonNode waiting = awaitRun(ada, runId, "awaiting_approval");
        JsonNode call = waiting.path("toolCalls").get(0);
        assertThat(call.path("tool").asString()).isEqualTo("Bash");
        assertThat(call.path("input").path("command").asString()).isEqualTo("echo hello-from-run");
        assertThat(waiting.path("promptInteractionId").asString())
                .isEqualTo(started.path("interactionId").asString());
        String toolCallId = call.path("toolCallId").asString();
        assertThat(ada.get("/api/approvals").json().path("items").findValuesAsString("toolCallId"))
                .contains(toolCallId);

        // and another member sees neither the run nor may cancel it
        assertThat(grace.get("/api/runs/" + runId).status()).isEqualTo(404);
        assertThat(grace.post("/api/runs/" + runId + "/cancel", "{}").status()).isEqualTo(404);
        assertThat(grace.get("/api/sessions/" + session + "/runs")
                        .json()
                        .path("items")
                        .size())
                .isZero();

        // when the owner approves
        Reply approved = decide(toolCallId, "approve");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);

        // then the result goes back to the model and the run completes with it
        JsonNode done = awaitRun(ada, runId, "completed", "failed");
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("answer").asString()).contains("hello-from-run");
        assertThat(done.path("steps").asInt()).isEqualTo(2);
        assertThat(done.path("inputTokens").asLong()).isPositive();
        assertThat(done.path("toolCalls").get(0).path("status").asString()).isEqualTo("completed");
        assertThat(done.path("durationMillis").asLong()).isNotNegative();
        assertThat(done.path("tags").path("mode").asString()).isEqualTo("plan");
        assertThat(done.path("tags").path("runtime").asString()).isEqualTo("local");

        // and the answer is in the session's conversation
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(ada.get("/api/sessions/" + session).raw()).contains("hello-from-run"));
        JsonNode sessionView = ada.get("/api/sessions/" + session).json();
        assertThat(sessionView.path("ownerName").asString())
                .as("people are shown by name, not by id")
                .isEqualTo("ada@example.com");
        assertThat(sessionView.path("interactions").findValuesAsString("byName"))
                .contains("ada@example.com");
        JsonNode runs = ada.get("/api/sessions/" + session + "/runs?size=5").json();
        assertThat(runs.path("items").findValuesAsString("id")).containsExactly(runId);

        // and the run is a trace: the run span, two model calls and a tool call under it, each with its events
        String traceId = started.path("traceId").asString();
        JsonNode trace = ada.get("/api/traces/" + traceId).json();
        assertThat(trace.path("runId").asString()).isEqualTo(runId);
        JsonNode spans = trace.path("spans");
        assertThat(spans.findValuesAsString("kind")).containsExactlyInAnyOrder("run", "model", "model", "tool");
        String root = spans.get(0).path("spanId").asString();
        assertThat(root).matches("[0-9a-f]{16}");
        for (JsonNode span : spans) {
            if (!span.path("kind").asString().equals("run")) {
                assertThat(span.path("parentSpanId").asString()).isEqualTo(root);
            }
            assertThat(span.path("eventIds").size()).isPositive();
            assertThat(span.path("endedAt").isNull()).as(span.toString()).isFalse();
        }
        assertThat(spans.findValuesAsString("name")).contains("execute_tool Bash", "chat local-echo");
        assertThat(grace.get("/api/traces/" + traceId).status()).isEqualTo(404);

        // and usage reports count it
        JsonNode usage =
                ada.get("/api/observability/usage?groupBy=model&days=1").json();
        assertThat(usage.path("rows").findValuesAsString("key")).contains("local-echo");
        JsonNode tools = ada.get("/api/observability/usage?groupBy=tool").json();
        assertThat(tools.path("rows").findValuesAsString("key")).contains("Bash");
        assertThat(ada.get("/api/observability/runs?sort=slowest&size=5")
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .contains(runId);
        JsonNode bySession = ada.get("/api/observability/usage?groupBy=session").json();
        assertThat(bySession.path("rows").findValuesAsString("key"))
                .as("cost per session, by title")
                .anyMatch(key -> key.startsWith("agent run · " + session.substring(0, 8)));
        assertThat(ada.get("/api/observability/usage?groupBy=planet").code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aStepAfterAToolCallIsOneUnitOfWorkOnTheRunWhichStopsWaitingWhenTheCallIsDecided() {
        // given a run waiting for the approval of its one tool call
        String session = session(ada, "plan", "local");
        String runId =
                prompt(session, "run: sleep 2; echo one-commit").path("runId").asString();
        JsonNode waiting = awaitRun(ada, runId, "awaiting_approval");
        String toolCallId = waiting.path("toolCalls").get(0).path("toolCallId").asString();
        List<String> handled = new CopyOnWriteArrayList<>();
        Registration counting = context.getBean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
            Object command = unitOfWork.getMessage().getPayload();
            if (command.getClass().getPackageName().equals("dev.orchwiz.api.run.command")
                    && command.toString().contains(runId)) {
                handled.add(command.getClass().getSimpleName());
            }
            return chain.proceed();
        });
        try {
            // when the call is approved, runs, and the model answers with its result
            assertThat(decide(toolCallId, "approve").status()).isEqualTo(200);

            // then the run is running again while its call runs, not only once the result reaches the model
            JsonNode running = awaitRun(ada, runId, "running", "completed", "failed");
            assertThat(running.path("state").asString()).as(running.toString()).isEqualTo("running");
            assertThat(running.path("toolCalls").get(0).path("status").asString())
                    .isEqualTo("approved");
            JsonNode done = awaitRun(ada, runId, "completed", "failed");

            // and the result and the model call it went to were one command, so one commit; the person's decision
            // is a command of its own
            assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
            assertThat(done.path("toolCalls").get(0).path("output").asString()).contains("one-commit");
            assertThat(handled).containsExactlyInAnyOrder("RecordRunApprovalDecision", "RecordModelCall");
        } finally {
            counting.cancel();
        }
    }

    @Test
    void anUnsampledTraceKeepsTimingsAndUsageButNotTheTexts() {
        Reply created = ada.post(
                "/api/sessions",
                NodeClient.json(
                        Map.of("title", "unsampled", "runtime", "local", "metadata", Map.of("traceSampleRate", 0))));
        String session = created.json().path("id").asString();
        JsonNode started = prompt(session, "a secret plan");
        awaitRun(ada, started.path("runId").asString(), "completed");

        JsonNode spans = ada.get("/api/traces/" + started.path("traceId").asString())
                .json()
                .path("spans");
        assertThat(spans.toString()).doesNotContain("a secret plan").doesNotContain("gen_ai.completion");
        assertThat(spans.findValuesAsString("kind")).contains("run", "model");
        assertThat(spans.findValues("gen_ai.usage.input_tokens")).isNotEmpty();
        assertThat(spans.get(0).path("attributes").path("orchwiz.trace.sampled").asBoolean())
                .isFalse();
    }

    @Test
    void aRunActingAsASubagentTakesItsPromptToolsModelAndPolicies() {
        Reply reviewer = ada.post(
                "/api/subagents",
                NodeClient.json(Map.of(
                        "name",
                        "shell-runner-" + UUID.randomUUID().toString().substring(0, 8),
                        "description",
                        "runs shell commands",
                        "prompt",
                        "You run shell commands carefully.",
                        "tools",
                        java.util.List.of("Bash"),
                        "model",
                        "inherit",
                        "settings",
                        Map.of("runtime", "local"))));
        assertThat(reviewer.status()).as(reviewer.raw()).isEqualTo(201);
        String subagentId = reviewer.json().path("id").asString();
        Reply readOnly = ada.post(
                "/api/subagents",
                NodeClient.json(Map.of(
                        "name",
                        "reader-" + UUID.randomUUID().toString().substring(0, 8),
                        "description",
                        "reads only",
                        "prompt",
                        "You only read.",
                        "tools",
                        java.util.List.of("Read"),
                        "settings",
                        Map.of("runtime", "local"))));
        String readerId = readOnly.json().path("id").asString();
        // no runtime on the session: the subagent's settings choose the local runtime
        String session = ada.post("/api/sessions", NodeClient.json(Map.of("title", "as subagent", "mode", "plan")))
                .json()
                .path("id")
                .asString();

        Reply asRunner = ada.post(
                "/api/sessions/" + session + "/prompt",
                NodeClient.json(Map.of("text", "run: echo as-subagent", "subagentId", subagentId)));
        assertThat(asRunner.status()).as(asRunner.raw()).isEqualTo(202);
        JsonNode waiting = awaitRun(ada, asRunner.json().path("runId").asString(), "awaiting_approval");
        assertThat(waiting.path("runtime").asString()).isEqualTo("local");
        assertThat(waiting.path("tags").path("subagent").asString()).startsWith("shell-runner-");
        String callId = waiting.path("toolCalls").get(0).path("toolCallId").asString();
        assertThat(ada.get("/api/tool-calls/" + callId)
                        .json()
                        .path("subagentId")
                        .asString())
                .as("the call is the subagent's, so its policies take part in the decision")
                .isEqualTo(subagentId);

        Reply asReader = ada.post(
                "/api/sessions/" + session + "/prompt",
                NodeClient.json(Map.of("text", "run: echo not-for-readers", "subagentId", readerId)));
        JsonNode refused = awaitRun(ada, asReader.json().path("runId").asString(), "completed", "failed");
        assertThat(refused.path("toolCalls").get(0).path("error").asBoolean())
                .as("Bash is not among the reader's tools")
                .isTrue();
        assertThat(refused.toString()).contains("not allowed");

        assertThat(grace.post(
                                "/api/sessions/" + session + "/prompt",
                                NodeClient.json(Map.of("text", "x", "subagentId", subagentId)))
                        .status())
                .isEqualTo(404);
        assertThat(ada.post(
                                "/api/sessions/" + session + "/prompt",
                                NodeClient.json(Map.of("text", "x", "subagentId", "nope")))
                        .code())
                .isEqualTo("SUBAGENT_NOT_FOUND");
    }

    @Test
    void aDeniedToolCallGoesBackToTheModelAsTheToolsError() {
        String session = session(ada, "plan", "local");
        String runId =
                prompt(session, "run: rm -rf /tmp/nothing-here").path("runId").asString();
        String toolCallId = awaitRun(ada, runId, "awaiting_approval")
                .path("toolCalls")
                .get(0)
                .path("toolCallId")
                .asString();

        assertThat(decide(toolCallId, "deny").status()).isEqualTo(200);

        JsonNode done = awaitRun(ada, runId, "completed", "failed");
        assertThat(done.path("state").asString()).isEqualTo("completed");
        JsonNode call = done.path("toolCalls").get(0);
        assertThat(call.path("error").asBoolean()).isTrue();
        assertThat(call.path("status").asString()).isEqualTo("denied");
        assertThat(done.path("answer").asString()).containsIgnoringCase("denied");
    }

    @Test
    void aCancelStopsTheRunAndItsPendingToolCall() {
        String session = session(ada, "plan", "local");
        String runId = prompt(session, "run: sleep 100").path("runId").asString();
        String toolCallId = awaitRun(ada, runId, "awaiting_approval")
                .path("toolCalls")
                .get(0)
                .path("toolCallId")
                .asString();

        Reply cancelled = ada.post("/api/runs/" + runId + "/cancel", "{}");
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(202);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("cancelled");

        assertThat(awaitRun(ada, runId, "cancelled").path("endedAt").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ada.get("/api/tool-calls/" + toolCallId)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("cancelled"));
        Reply again = ada.post("/api/runs/" + runId + "/cancel", "{}");
        assertThat(again.code()).isEqualTo("RUN_ALREADY_FINISHED");
    }

    @Test
    void theFirstPromptOfASessionRuns() {
        Reply created = ada.post(
                "/api/sessions",
                NodeClient.json(Map.of(
                        "title", "first prompt", "mode", "auto_accept", "runtime", "local", "prompt", "just say hi")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String runId = created.json().path("runId").asString();
        assertThat(runId).isNotBlank();

        JsonNode done = awaitRun(ada, runId, "completed", "failed");
        assertThat(done.path("state").asString()).isEqualTo("completed");
        assertThat(done.path("answer").asString()).contains("You said: just say hi");
        assertThat(done.path("runtime").asString()).isEqualTo("local");
    }

    @Test
    void aRuntimeThatIsDownFallsBackAlongTheChainAndSaysSo() {
        String session = session(ada, "auto_accept", "openai");
        String runId = prompt(session, "hello there").path("runId").asString();

        JsonNode done = awaitRun(ada, runId, "completed", "failed");
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("answer").asString()).contains("You said: hello there");
        assertThat(done.path("fallbacks").get(0).asString()).startsWith("openai → local: openai:");
        assertThat(done.path("runtime").asString())
                .as("the run keeps the runtime it was started on")
                .isEqualTo("openai");
    }

    @Test
    void aRuntimeThatIsDownWithNoFallbackFailsTheRunWithItsReason() {
        TestDatabase.Database database = TestDatabase.create();
        try (ConfigurableApplicationContext node = TestNodes.start(
                database, "--orchwiz.runtime.openai.base-url=http://127.0.0.1:9/v1", "--orchwiz.runs.fallback=")) {
            NodeClient client = TestNodes.client(node, "ada@example.com", false);
            String session = session(client, "plan", "openai");
            Reply reply = client.post("/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", "hello")));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
            JsonNode failed = awaitRun(client, reply.json().path("runId").asString(), "failed", "completed");
            assertThat(failed.path("state").asString()).isEqualTo("failed");
            assertThat(failed.path("errorCode").asString()).isEqualTo("RUNTIME_UNAVAILABLE");
            assertThat(failed.path("error").asString()).startsWith("openai: ");
            assertThat(failed.path("answer").isNull())
                    .as("a failure is never disguised as an answer")
                    .isTrue();
        }
    }

    @Test
    void badRuntimesAndForeignOrMalformedIdsAreClearRefusals() {
        Reply unknown = ada.post("/api/sessions", NodeClient.json(Map.of("title", "x", "runtime", "skynet")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("RUN_UNKNOWN_RUNTIME");
        assertThat(unknown.contentType()).contains("application/problem+json");

        String session = session(ada, "plan", "local");
        Reply badPromptRuntime = ada.post(
                "/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", "hi", "runtime", "skynet")));
        assertThat(badPromptRuntime.code()).isEqualTo("RUN_UNKNOWN_RUNTIME");
        Reply empty = ada.post("/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", " ")));
        assertThat(empty.status()).isEqualTo(400);
        Reply foreignSession =
                grace.post("/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", "mine now")));
        assertThat(foreignSession.status()).isEqualTo(404);

        assertThat(ada.get("/api/runs/not-a-uuid").code()).isEqualTo("RUN_NOT_FOUND");
        assertThat(ada.get("/api/runs/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(ada.post("/api/runs/" + UUID.randomUUID() + "/cancel", "{}").code())
                .isEqualTo("RUN_NOT_FOUND");
        assertThat(ada.get("/api/traces/..%2F..").status()).isIn(400, 404);
        assertThat(ada.get("/api/traces/" + "0".repeat(32)).code()).isEqualTo("RUN_TRACE_NOT_FOUND");

        JsonNode runtimes = ada.get("/api/runtimes").json();
        assertThat(runtimes.path("runtimes").findValuesAsString("name")).contains("local");
        assertThat(runtimes.toString()).doesNotContain("apiKey").doesNotContain("token");
    }

    @Test
    void aRunInterruptedByItsNodesDeathIsFailedWhenTheNodeStartsAgain() {
        TestDatabase.Database database = TestDatabase.create();
        String[] settings = {
            "--orchwiz.execution.enabled=true",
            "--orchwiz.execution.workspace-root=" + WORKSPACE,
            "--orchwiz.runs.node=node-under-test"
        };
        String runId;
        try (ConfigurableApplicationContext node = TestNodes.start(database, settings)) {
            NodeClient client = TestNodes.client(node, "ada@example.com", false);
            String session = session(client, "plan", "local");
            Reply reply =
                    client.post("/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", "run: date")));
            runId = reply.json().path("runId").asString();
            awaitRun(client, runId, "awaiting_approval");
            // As if the node died in the middle of a model call of this run, its tool call settled and taken by it.
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            jdbc.update(
                    "insert into agent_run_model_call (run_id, node) values (?, ?)",
                    UUID.fromString(runId),
                    "node-under-test");
            assertThat(jdbc.update(
                            "update agent_run_tool_call set status = 'completed', result = 'Tue Dec  6',"
                                    + " settled_at = now(), claimed = true where run_id = ?",
                            UUID.fromString(runId)))
                    .isEqualTo(1);
        }
        try (ConfigurableApplicationContext node = TestNodes.start(database, settings)) {
            NodeClient client = TestNodes.client(node, "ada@example.com", false);
            JsonNode failed = awaitRun(client, runId, "failed");
            assertThat(failed.path("errorCode").asString()).isEqualTo("INTERRUPTED");
            assertThat(failed.path("error").asString()).contains("node stopped");
            // and the result its tool had settled with stays in the run
            JsonNode call = failed.path("toolCalls").get(0);
            assertThat(call.path("status").asString()).as(failed.toString()).isEqualTo("completed");
            assertThat(call.path("output").asString()).isEqualTo("Tue Dec  6");
            assertThat(node.getBean(JdbcTemplate.class)
                            .queryForObject(
                                    "select count(*) from agent_run_tool_call where run_id = ?",
                                    Integer.class,
                                    UUID.fromString(runId)))
                    .isZero();
        }
    }
}
