package dev.orchwiz.query.run;

import static dev.orchwiz.command.run.runtime.openclaw.FakeGateway.accept;
import static dev.orchwiz.command.run.runtime.openclaw.FakeGateway.agentEvent;
import static dev.orchwiz.command.run.runtime.openclaw.FakeGateway.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestRuns;
import dev.orchwiz.TestUsers;
import dev.orchwiz.command.run.runtime.openclaw.FakeGateway;
import dev.orchwiz.query.events.SseReader;
import dev.orchwiz.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A prompt runs on an OpenClaw gateway (an in-process fake speaking the documented frames): the streamed answer
 * completes the run, the gateway's exec approvals are OrchWiz approvals a person decides over HTTP, a gap in the
 * event stream or a gateway that hangs up fails the run with its reason, and the gateway token is never stored,
 * streamed or shown, even when the gateway or its agent prints it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class OpenClawRunIT {

    /** Set as a property, not an environment variable, so the node knows it only from its configuration. */
    private static final String TOKEN = "gw-7d1c4e9a2b6f0835";

    private static final FakeGateway GATEWAY;

    static {
        try {
            GATEWAY = new FakeGateway(TOKEN);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry properties) {
        properties.add("orchwiz.runtime.openclaw.url", GATEWAY::url);
        properties.add("orchwiz.runtime.openclaw.token", () -> TOKEN);
        properties.add("orchwiz.runtime.openclaw.request-timeout", () -> "PT30S");
    }

    @AfterAll
    static void stopGateway() throws InterruptedException {
        GATEWAY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    NodeClient ada;

    @BeforeEach
    void connect() {
        ada = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
    }

    private String session(String mode) {
        Reply reply = ada.post("/api/sessions", NodeClient.json(Map.of("title", "gateway run", "mode", mode)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private String prompt(String session, String text) {
        Reply reply = ada.post(
                "/api/sessions/" + session + "/prompt", NodeClient.json(Map.of("text", text, "runtime", "openclaw")));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        return reply.json().path("runId").asString();
    }

    private JsonNode awaitRun(String runId, String... states) {
        return TestRuns.awaitRun(ada, runId, states);
    }

    /** The gateway's run id for an agent request: its own idempotency key, as OpenClaw does. */
    private static String runIdOf(JsonNode request) {
        return request.path("params").path("idempotencyKey").asString();
    }

    /** The newest {@code agent} request the gateway received (recorded before its handler runs). */
    private static JsonNode lastAgentRequest() {
        List<JsonNode> agents = GATEWAY.requests("agent");
        return agents.get(agents.size() - 1);
    }

    /** An {@code agent} handler that accepts the run, then streams what {@code events} sends. */
    private static BiConsumer<WebSocket, JsonNode> accepting(BiConsumer<WebSocket, String> events) {
        return (socket, request) -> {
            String run = runIdOf(request);
            accept(socket, request, run);
            events.accept(socket, run);
        };
    }

    @Test
    void aPromptOnTheGatewayCompletesWithItsStreamedAnswer() {
        // given a gateway that streams its answer in pieces
        GATEWAY.on("agent", accepting((socket, run) -> {
            agentEvent(socket, run, 1, "lifecycle", data().put("phase", "start"));
            agentEvent(socket, run, 2, "assistant", data().put("delta", "Hello "));
            agentEvent(socket, run, 3, "assistant", data().put("delta", "from the gateway"));
            var end = data().put("phase", "end");
            end.set("usage", data().put("input", 21).put("output", 4));
            agentEvent(socket, run, 4, "lifecycle", end);
        }));
        String session = session("plan");

        // when
        String runId = prompt(session, "Say hello");

        // then the run completes with the gateway's answer
        JsonNode done = awaitRun(runId, "completed", "failed");
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("answer").asString()).isEqualTo("Hello from the gateway");
        assertThat(done.path("runtime").asString()).isEqualTo("openclaw");
        assertThat(done.path("inputTokens").asLong()).isEqualTo(21);
        assertThat(done.path("outputTokens").asLong()).isEqualTo(4);
        JsonNode agent = lastAgentRequest();
        assertThat(agent.path("params").path("message").asString()).contains("Say hello");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(ada.get("/api/sessions/" + session).raw()).contains("Hello from the gateway"));
    }

    @Test
    void anExecApprovalOfTheGatewayIsDecidedByAPersonAndTheGatewayHearsTheDecision() {
        // given a gateway whose agent asks to run a command, then reports it and ends once it is allowed
        GATEWAY.on("agent", accepting((socket, run) -> {
            agentEvent(
                    socket,
                    run,
                    1,
                    "tool",
                    data().put("phase", "start")
                            .put("name", "exec")
                            .put("toolCallId", "x1")
                            .set("args", data().put("command", "git status")));
            FakeGateway.execApprovalRequested(
                    socket,
                    "ap-" + run,
                    lastAgentRequest().path("params").path("sessionKey").asString(),
                    "git status");
        }));
        GATEWAY.on("exec.approval.resolve", (socket, request) -> {
            FakeGateway.ok(socket, request, data());
            String run = request.path("params").path("id").asString().substring(3);
            if ("allow-once".equals(request.path("params").path("decision").asString())) {
                agentEvent(
                        socket,
                        run,
                        2,
                        "tool",
                        data().put("phase", "result")
                                .put("name", "exec")
                                .put("toolCallId", "x1")
                                .put("result", "nothing to commit, working tree clean")
                                .put("isError", false));
                agentEvent(socket, run, 3, "assistant", data().put("delta", "The tree is clean."));
            }
            agentEvent(socket, run, 4, "lifecycle", data().put("phase", "end"));
        });
        String session = session("plan");

        // when the run starts, its command waits for a person
        String runId = prompt(session, "Is the tree clean?");
        JsonNode[] pending = new JsonNode[1];
        String[] pendingId = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (JsonNode approval : ada.get("/api/tool-calls/approvals").json().path("items")) {
                String id = approval.path("toolCallId").asString();
                JsonNode call = ada.get("/api/tool-calls/" + id).json();
                if (session.equals(call.path("sessionId").asString())) {
                    pending[0] = call;
                    pendingId[0] = id;
                }
            }
            assertThat(pending[0]).isNotNull();
        });
        assertThat(pending[0].path("tool").asString()).isEqualTo("Bash");
        assertThat(pending[0].path("input").path("command").asString()).isEqualTo("git status");
        String approvalId = "ap-" + runIdOf(lastAgentRequest());
        assertThat(GATEWAY.requests("exec.approval.resolve"))
                .as("the gateway waits for a person")
                .noneMatch(resolve ->
                        approvalId.equals(resolve.path("params").path("id").asString()));

        // and the owner approves it
        String toolCallId = pendingId[0];
        Reply approved = ada.post(
                "/api/tool-calls/" + toolCallId + "/decision",
                NodeClient.json(Map.of(
                        "decision",
                        "approve",
                        "inputHash",
                        pending[0].path("inputHash").asString())));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);

        // then the gateway hears allow-once, and the run completes with what the command found
        JsonNode done = awaitRun(runId, "completed", "failed");
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("answer").asString()).isEqualTo("The tree is clean.");
        assertThat(GATEWAY.requests("exec.approval.resolve").stream()
                        .map(resolve -> resolve.path("params").path("decision").asString())
                        .toList())
                .contains("allow-once");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode call = ada.get("/api/tool-calls/" + toolCallId).json();
            assertThat(call.path("status").asString()).isEqualTo("completed");
            assertThat(ada.get("/api/tool-calls/" + toolCallId + "/output").raw())
                    .contains("nothing to commit");
        });
    }

    @Test
    void aGapInTheGatewaysEventStreamFailsTheRunWithTheReason() {
        // given a gateway that skips seq 2
        GATEWAY.on("agent", accepting((socket, run) -> {
            agentEvent(socket, run, 1, "assistant", data().put("delta", "par"));
            agentEvent(socket, run, 3, "assistant", data().put("delta", "tial"));
            agentEvent(socket, run, 4, "lifecycle", data().put("phase", "end"));
        }));

        // when
        String runId = prompt(session("plan"), "Stream with a hole");

        // then
        JsonNode failed = awaitRun(runId, "failed", "completed");
        assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("errorCode").asString()).isEqualTo("RUNTIME_BAD_RESPONSE");
        assertThat(failed.path("error").asString()).contains("gap").contains("after seq 1 came 3");
    }

    @Test
    void aGatewayThatHangsUpFailsTheRunWithTheReason() {
        // given a gateway that accepts the run, then closes the connection
        GATEWAY.on("agent", accepting((socket, run) -> {
            agentEvent(socket, run, 1, "assistant", data().put("delta", "Starting"));
            socket.close(1011, "gateway restarting");
        }));

        // when
        String runId = prompt(session("plan"), "Hang up on me");

        // then
        JsonNode failed = awaitRun(runId, "failed", "completed");
        assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("errorCode").asString()).isEqualTo("RUNTIME_UNAVAILABLE");
        assertThat(failed.path("error").asString()).containsIgnoringCase("closed");
    }

    @Test
    void theGatewayTokenIsNeverStoredStreamedOrShownEvenWhenTheGatewayPrintsIt() throws Exception {
        // given a gateway whose agent prints the token: in its answer and in a command's result
        GATEWAY.on("agent", accepting((socket, run) -> {
            agentEvent(
                    socket,
                    run,
                    1,
                    "tool",
                    data().put("phase", "result")
                            .put("name", "exec")
                            .put("toolCallId", "env")
                            .put("result", "OPENCLAW_GATEWAY_TOKEN=" + TOKEN)
                            .put("isError", false));
            agentEvent(socket, run, 2, "assistant", data().put("delta", "Your gateway token is " + TOKEN + "."));
            agentEvent(socket, run, 3, "lifecycle", data().put("phase", "end"));
        }));
        String session = session("plan");
        Map<String, String> auth = new HashMap<>(ada.defaults());
        List<String> streamed = new ArrayList<>();

        try (SseReader stream = new SseReader(ada.base() + "/api/events/stream", auth)) {
            // when
            String runId = prompt(session, "Print the gateway token");
            JsonNode done = awaitRun(runId, "completed", "failed");

            // then the run finished, with the token masked in what it shows
            assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
            assertThat(done.path("answer").asString()).contains("[REDACTED]");
            List<String> shown = List.of(
                    done.toString(),
                    ada.get("/api/sessions/" + session).raw(),
                    ada.get("/api/sessions/" + session + "/runs").raw(),
                    ada.get("/api/traces/" + done.path("traceId").asString()).raw(),
                    ada.get("/api/tool-calls?sessionId=" + session).raw());
            assertThat(shown).allSatisfy(body -> assertThat(body).doesNotContain(TOKEN));
            streamed.addAll(stream.quietFor(Duration.ofSeconds(2)).stream()
                    .map(frame -> frame.data())
                    .toList());
        }
        assertThat(streamed).isNotEmpty().allSatisfy(frame -> assertThat(frame).doesNotContain(TOKEN));

        // and no stored event holds it, whatever its type
        List<String> stored =
                jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry", String.class);
        assertThat(stored).isNotEmpty().noneMatch(payload -> payload.contains(TOKEN));
        assertThat(stored).anyMatch(payload -> payload.contains("Your gateway token is [REDACTED]"));
    }
}
