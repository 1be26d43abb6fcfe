package dev.orchwiz.command.run.runtime.openclaw;

import static dev.orchwiz.command.run.runtime.openclaw.FakeGateway.accept;
import static dev.orchwiz.command.run.runtime.openclaw.FakeGateway.agentEvent;
import static dev.orchwiz.command.run.runtime.openclaw.FakeGateway.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.command.run.runtime.ChatTurn;
import dev.orchwiz.command.run.runtime.ModelRequest;
import dev.orchwiz.command.run.runtime.ModelStream;
import dev.orchwiz.command.run.runtime.ModelTurn;
import dev.orchwiz.command.run.runtime.ModelTurn.RuntimeTool;
import dev.orchwiz.command.run.runtime.RunContext;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OpenClawRuntimeTest {

    private static final String TOKEN = "gw-secret-7f3a9c1e5b";
    // Only ever an upper bound (a run's time limit, a wait for a frame): 5 s ran out once on a loaded two-core CI
    // machine with the gateway's frames already sent; the hang test keeps its own short limit.
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final RunContext RUN = new RunContext(RunId.random(), SessionId.random(), UserId.of("owner-1"));

    private FakeGateway gateway;
    private OpenClawRuntime runtime;
    private final Recorder stream = new Recorder();

    @BeforeEach
    void startGateway() throws InterruptedException {
        gateway = new FakeGateway(TOKEN);
        runtime = runtime(gateway.url(), TOKEN, null);
    }

    @AfterEach
    void stopGateway() throws InterruptedException {
        runtime.close();
        gateway.close();
    }

    @Test
    void signsInWithTheTokenAsAnOperatorBeforeAnythingElse() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(socket, "run-1", 1, "lifecycle", data().put("phase", "end"));
        });

        // when
        runtime.call(request("hi"), stream);

        // then
        JsonNode first = gateway.allRequests().get(0);
        assertThat(first.path("method").asString()).isEqualTo("connect");
        JsonNode params = first.path("params");
        assertThat(params.path("auth").path("token").asString()).isEqualTo(TOKEN);
        assertThat(params.path("role").asString()).isEqualTo("operator");
        assertThat(params.path("scopes").values().stream().map(JsonNode::asString))
                .containsExactly("operator.read", "operator.write", "operator.approvals");
        assertThat(params.path("caps").values().stream().map(JsonNode::asString))
                .containsExactly("tool-events");
        assertThat(params.path("client").path("id").asString()).isEqualTo("gateway-client");
        assertThat(params.path("client").path("mode").asString()).isEqualTo("backend");
        assertThat(params.path("client").path("version").asString()).isNotBlank();
        assertThat(params.path("minProtocol").asInt()).isEqualTo(3);
    }

    @Test
    void streamsAssistantDeltasAndAnswersTheTextAtLifecycleEnd() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(socket, "run-1", 1, "lifecycle", data().put("phase", "start"));
            agentEvent(
                    socket, "run-1", 2, "assistant", data().put("delta", "Hel").put("text", "Hel"));
            agentEvent(
                    socket, "run-1", 3, "assistant", data().put("delta", "lo").put("text", "Hello"));
            ObjectNodeUsage.end(socket, "run-1", 4);
        });

        // when
        ModelTurn turn = runtime.call(request("say hello"), stream);

        // then
        assertThat(stream.deltas).containsExactly("Hel", "lo");
        assertThat(turn.text()).isEqualTo("Hello");
        assertThat(turn.finishReason()).isEqualTo("stop");
        assertThat(turn.model()).isEqualTo("main");
        assertThat(turn.toolCalls()).isEmpty();
        assertThat(turn.inputTokens()).isEqualTo(12);
        assertThat(turn.outputTokens()).isEqualTo(3);
        JsonNode agent = gateway.requests("agent").get(0).path("params");
        assertThat(agent.path("message").asString()).isEqualTo("say hello");
        assertThat(agent.path("agentId").asString()).isEqualTo("main");
        assertThat(agent.path("sessionKey").asString()).startsWith("agent:main:orchwiz-");
        assertThat(agent.path("deliver").asBoolean(true)).isFalse();
        assertThat(agent.path("idempotencyKey").asString()).isNotBlank();
    }

    @Test
    void keepsEventsThatArriveBeforeTheRunIdIsKnown() throws Exception {
        // given: the gateway uses the idempotency key as run id and streams before it answers
        gateway.on("agent", (socket, request) -> {
            String runId = request.path("params").path("idempotencyKey").asString();
            agentEvent(socket, runId, 1, "assistant", data().put("delta", "early"));
            accept(socket, request, runId);
            agentEvent(socket, runId, 2, "lifecycle", data().put("phase", "end"));
        });

        // when
        ModelTurn turn = runtime.call(request("hi"), stream);

        // then
        assertThat(turn.text()).isEqualTo("early");
    }

    @Test
    void sendsTheConversationAsATranscriptAndSystemTurnsAsExtraSystemPrompt() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(socket, "run-1", 1, "lifecycle", data().put("phase", "end"));
        });
        List<ChatTurn> conversation = List.of(
                ChatTurn.system("Be brief."),
                ChatTurn.user("list files"),
                ChatTurn.assistant("", List.of(new RequestedTool("c1", "Bash", Map.of("command", "ls")))),
                ChatTurn.toolResult("c1", "Bash", "a.txt"),
                ChatTurn.assistant("There is a.txt.", List.of()),
                ChatTurn.user("and now?"));

        // when
        runtime.call(new ModelRequest("openclaw:ops", conversation, List.of(), WAIT), stream);

        // then
        JsonNode agent = gateway.requests("agent").get(0).path("params");
        assertThat(agent.path("agentId").asString()).isEqualTo("ops");
        assertThat(agent.path("extraSystemPrompt").asString()).isEqualTo("Be brief.");
        assertThat(agent.path("message").asString())
                .isEqualTo("[Conversation so far]\n"
                        + "User: list files\n\n"
                        + "Assistant (asked for Bash): (empty)\n\n"
                        + "Tool result of Bash (c1): a.txt\n\n"
                        + "Assistant: There is a.txt.\n\n"
                        + "[Current message]\nand now?");
    }

    @Test
    void reportsTheGatewaysOwnToolsAsRuntimeToolsNeverAsCallsToRun() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(
                    socket,
                    "run-1",
                    1,
                    "tool",
                    data().put("phase", "start")
                            .put("name", "exec")
                            .put("toolCallId", "t1")
                            .set("args", data().put("command", "ls")));
            agentEvent(
                    socket,
                    "run-1",
                    2,
                    "tool",
                    data().put("phase", "update").put("name", "exec").put("toolCallId", "t1"));
            agentEvent(
                    socket,
                    "run-1",
                    3,
                    "tool",
                    data().put("phase", "result")
                            .put("name", "exec")
                            .put("toolCallId", "t1")
                            .put("result", "a.txt")
                            .put("isError", false));
            agentEvent(socket, "run-1", 4, "assistant", data().put("delta", "done"));
            agentEvent(socket, "run-1", 5, "lifecycle", data().put("phase", "end"));
        });

        // when
        ModelTurn turn = runtime.call(request("list"), stream);

        // then
        assertThat(turn.toolCalls()).isEmpty();
        assertThat(turn.runtimeTools())
                .containsExactly(new RuntimeTool("t1", "exec", Map.of("command", "ls"), "a.txt", false));
    }

    @Test
    void aRunErrorFromTheGatewayFailsTheCallWithItsReason() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(socket, "run-1", 1, "lifecycle", data().put("phase", "start"));
            agentEvent(
                    socket,
                    "run-1",
                    2,
                    "lifecycle",
                    data().put("phase", "error").put("error", "provider returned 500"));
        });

        // when
        RuntimeFailure failure = catchThrowableOfType(RuntimeFailure.class, () -> runtime.call(request("hi"), stream));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.ERROR);
        assertThat(failure.getMessage()).contains("provider returned 500");
        assertThat(failure.fallbackAllowed()).isTrue();
    }

    @Test
    void aRefusedAgentRequestFailsTheCall() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            JsonNode error = data().put("code", "INVALID_REQUEST").put("message", "unknown agent id");
            FakeGateway.send(
                    socket,
                    data().put("type", "res")
                            .put("id", request.path("id").asString())
                            .put("ok", false)
                            .set("error", error));
        });

        // when
        RuntimeFailure failure = catchThrowableOfType(RuntimeFailure.class, () -> runtime.call(request("hi"), stream));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.ERROR);
        assertThat(failure.getMessage()).contains("INVALID_REQUEST: unknown agent id");
    }

    @Test
    void aGapInTheRunsSeqFailsTheCallAndAbortsTheRun() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(socket, "run-1", 1, "assistant", data().put("delta", "par"));
            agentEvent(socket, "run-1", 3, "assistant", data().put("delta", "tial"));
            agentEvent(socket, "run-1", 4, "lifecycle", data().put("phase", "end"));
        });

        // when
        RuntimeFailure failure = catchThrowableOfType(RuntimeFailure.class, () -> runtime.call(request("hi"), stream));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("gap").contains("after seq 1 came 3");
        assertThat(failure.fallbackAllowed()).as("text already streamed").isFalse();
        assertThat(gateway.awaitRequest("chat.abort", WAIT)
                        .path("params")
                        .path("runId")
                        .asString())
                .isEqualTo("run-1");
    }

    @Test
    void theGatewaysOwnSeqGapErrorFailsTheCall() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(socket, "run-1", 1, "error", data().put("reason", "seq gap"));
        });

        // when
        RuntimeFailure failure = catchThrowableOfType(RuntimeFailure.class, () -> runtime.call(request("hi"), stream));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("seq gap");
    }

    @Test
    void aWrongTokenFailsTheCallWithoutTheTokenAnywhere() throws Exception {
        // given
        String wrong = "wrong-token-4b1d9e";
        OpenClawRuntime refused = runtime(gateway.url(), wrong, null);

        // when
        RuntimeFailure failure = catchThrowableOfType(RuntimeFailure.class, () -> refused.call(request("hi"), stream));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_UNAVAILABLE);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage()).contains("refused the connection").contains("AUTH_TOKEN_MISMATCH");
        assertThat(everything(failure)).doesNotContain(wrong);
        assertThat(refused.toString()).doesNotContain(wrong);
        assertThat(gateway.requests("agent")).isEmpty();
        refused.close();
    }

    @Test
    void neitherTheRuntimeNorItsPropertiesPrintTheToken() {
        // given
        OpenClawProperties properties = new OpenClawProperties(
                URI.create("ws://user:pw@127.0.0.1:18789/gw?token=" + TOKEN),
                TOKEN,
                null,
                null,
                null,
                null,
                null,
                null);

        // when
        String printed = properties + " " + runtime(gateway.url(), TOKEN, null);

        // then
        assertThat(printed).doesNotContain(TOKEN).doesNotContain("pw").contains("token=***");
        assertThat(properties.safeUrl()).isEqualTo("ws://127.0.0.1:18789/gw");
    }

    @Test
    void cancellingMidStreamAbortsTheRunAndAnswersWhatCame() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(socket, "run-1", 1, "assistant", data().put("delta", "partial"));
        });
        stream.cancelAfterFirstDelta = true;

        // when
        ModelTurn turn = runtime.call(request("hi"), stream);

        // then
        assertThat(turn.text()).isEqualTo("partial");
        assertThat(turn.finishReason()).isEqualTo("cancelled");
        JsonNode abort = gateway.awaitRequest("chat.abort", WAIT).path("params");
        assertThat(abort.path("runId").asString()).isEqualTo("run-1");
        assertThat(abort.path("sessionKey").asString())
                .isEqualTo(gateway.requests("agent")
                        .get(0)
                        .path("params")
                        .path("sessionKey")
                        .asString());
    }

    @Test
    void aRunThatOutlivesTheTimeoutIsAbortedAndFails() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> accept(socket, request, "run-1"));

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class,
                () -> runtime.call(
                        new ModelRequest(null, List.of(ChatTurn.user("hi")), List.of(), Duration.ofMillis(300)),
                        stream));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_TIMEOUT);
        assertThat(gateway.awaitRequest("chat.abort", WAIT)).isNotNull();
    }

    @Test
    void anUnreachableGatewayFailsTheCallAsUnavailable() throws Exception {
        // given: a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OpenClawRuntime unreachable = runtime("ws://127.0.0.1:" + port, TOKEN, null);

        // when
        RuntimeFailure failure =
                catchThrowableOfType(RuntimeFailure.class, () -> unreachable.call(request("hi"), stream));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_UNAVAILABLE);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage()).contains("ws://127.0.0.1:" + port).contains("unreachable");
        assertThat(everything(failure)).doesNotContain(TOKEN);
    }

    @Test
    void aLostConnectionFailsTheCallAndTheNextCallConnectsAgain() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            socket.close(1012, "service restart");
        });
        RuntimeFailure failure = catchThrowableOfType(RuntimeFailure.class, () -> runtime.call(request("hi"), stream));
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_UNAVAILABLE);
        assertThat(failure.getMessage()).contains("1012");
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-2");
            agentEvent(socket, "run-2", 1, "lifecycle", data().put("phase", "end"));
        });

        // when
        ModelTurn turn = runtime.call(request("again"), stream);

        // then
        assertThat(turn.finishReason()).isEqualTo("stop");
        assertThat(gateway.connections()).isEqualTo(2);
    }

    @Test
    void callsShareOneConnection() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            String runId = "run-" + request.path("id").asString();
            accept(socket, request, runId);
            agentEvent(socket, runId, 1, "lifecycle", data().put("phase", "end"));
        });

        // when
        runtime.call(request("one"), stream);
        runtime.call(request("two"), stream);

        // then
        assertThat(gateway.connections()).isEqualTo(1);
        assertThat(gateway.requests("connect")).hasSize(1);
    }

    @Test
    void withoutAnApprovalBridgeExecApprovalsOfItsRunsAreDeniedAndReported() throws Exception {
        // given
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            String sessionKey = request.path("params").path("sessionKey").asString();
            approvalRequested(socket, "other-approval", "agent:main:whatsapp");
            approvalRequested(socket, "ap-1", sessionKey);
        });
        gateway.on("exec.approval.resolve", (socket, request) -> {
            FakeGateway.ok(socket, request, data());
            agentEvent(socket, "run-1", 1, "lifecycle", data().put("phase", "end"));
        });

        // when
        ModelTurn turn = runtime.call(request("clean up"), stream);

        // then
        List<JsonNode> resolved = gateway.requests("exec.approval.resolve");
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0).path("params").path("id").asString()).isEqualTo("ap-1");
        assertThat(resolved.get(0).path("params").path("decision").asString()).isEqualTo("deny");
        assertThat(turn.runtimeTools()).singleElement().satisfies(tool -> {
            assertThat(tool.name()).isEqualTo("exec.approval");
            assertThat(tool.input()).containsEntry("command", "rm -rf /tmp/cache");
            assertThat(tool.output()).contains("no approval bridge");
            assertThat(tool.failed()).isTrue();
        });
    }

    @Test
    void execApprovalsGoThroughTheRegisteredBridge() throws Exception {
        // given
        AtomicReference<GatewayApprovalRequest> seen = new AtomicReference<>();
        Bridge bridge = new Bridge() {
            @Override
            public CompletionStage<GatewayApprovalDecision> decide(GatewayApprovalRequest request) {
                seen.set(request);
                return CompletableFuture.supplyAsync(() -> GatewayApprovalDecision.ALLOW_ONCE);
            }
        };
        OpenClawRuntime bridged = runtime(gateway.url(), TOKEN, bridge);
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            approvalRequested(
                    socket, "ap-1", request.path("params").path("sessionKey").asString());
        });
        gateway.on("exec.approval.resolve", (socket, request) -> {
            FakeGateway.ok(socket, request, data());
            agentEvent(socket, "run-1", 1, "lifecycle", data().put("phase", "end"));
        });

        // when
        ModelTurn turn = bridged.call(request("clean up"), stream);

        // then
        assertThat(gateway.requests("exec.approval.resolve")
                        .get(0)
                        .path("params")
                        .path("decision")
                        .asString())
                .isEqualTo("allow-once");
        assertThat(seen.get().command()).isEqualTo("rm -rf /tmp/cache");
        assertThat(seen.get().runId()).isEqualTo("run-1");
        assertThat(seen.get().cwd()).isEqualTo("/home/user");
        assertThat(turn.runtimeTools()).singleElement().satisfies(tool -> {
            assertThat(tool.output()).isEqualTo("allow-once");
            assertThat(tool.failed()).isFalse();
        });
        bridged.close();
    }

    @Test
    void anApprovedExecIsAllowedOnceAndItsResultGoesBackToTheBridge() throws Exception {
        // given
        Bridge bridge = new Bridge();
        OpenClawRuntime bridged = runtime(gateway.url(), TOKEN, bridge);
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            // The exec tool starts with its command, then asks for approval of that very command.
            agentEvent(socket, "run-1", 1, "tool", execEvent("start", "x1").set("args", execArgs()));
            approvalRequested(
                    socket, "ap-1", request.path("params").path("sessionKey").asString());
        });
        gateway.on("exec.approval.resolve", (socket, request) -> {
            FakeGateway.ok(socket, request, data());
            if (request.path("params").path("decision").asString().equals("allow-once")) {
                agentEvent(
                        socket,
                        "run-1",
                        2,
                        "tool",
                        execEvent("result", "x1")
                                .put("result", "removed 3 files")
                                .put("isError", false));
            }
            agentEvent(socket, "run-1", 3, "lifecycle", data().put("phase", "end"));
        });
        CompletableFuture<ModelTurn> turn =
                CompletableFuture.supplyAsync(() -> callQuietly(bridged, inRun("clean up")));

        // when: nothing is answered until OrchWiz approves
        GatewayApprovalRequest asked = bridge.asked.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Thread.sleep(200);
        assertThat(gateway.requests("exec.approval.resolve")).isEmpty();
        bridge.answer.complete(GatewayApprovalDecision.ALLOW_ONCE);
        ModelTurn answered = turn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        // then
        assertThat(asked.run()).isEqualTo(RUN);
        assertThat(gateway.requests("exec.approval.resolve")).singleElement().satisfies(frame -> {
            assertThat(frame.path("params").path("id").asString()).isEqualTo("ap-1");
            assertThat(frame.path("params").path("decision").asString()).isEqualTo("allow-once");
        });
        assertThat(bridge.settled).containsExactly(Map.entry("ap-1", GatewayExecResult.of("removed 3 files", false)));
        assertThat(answered.runtimeTools()).extracting(RuntimeTool::name).containsExactly("exec", "exec.approval");
        bridged.close();
    }

    @Test
    void aDeniedExecIsAnsweredDenyAndNeverReportedAsRun() throws Exception {
        // given
        Bridge bridge = new Bridge();
        OpenClawRuntime bridged = runtime(gateway.url(), TOKEN, bridge);
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            agentEvent(socket, "run-1", 1, "tool", execEvent("start", "x1").set("args", execArgs()));
            approvalRequested(
                    socket, "ap-1", request.path("params").path("sessionKey").asString());
        });
        gateway.on("exec.approval.resolve", (socket, request) -> {
            FakeGateway.ok(socket, request, data());
            agentEvent(
                    socket,
                    "run-1",
                    2,
                    "tool",
                    execEvent("result", "x1")
                            .put("result", "exec denied by operator")
                            .put("isError", true));
            agentEvent(socket, "run-1", 3, "lifecycle", data().put("phase", "end"));
        });
        CompletableFuture<ModelTurn> turn =
                CompletableFuture.supplyAsync(() -> callQuietly(bridged, inRun("clean up")));

        // when
        bridge.asked.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        bridge.answer.complete(GatewayApprovalDecision.DENY);
        turn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        // then
        assertThat(gateway.requests("exec.approval.resolve")).singleElement().satisfies(frame -> assertThat(
                        frame.path("params").path("decision").asString())
                .isEqualTo("deny"));
        // The run's end is the only news the bridge gets of a denied exec: the gateway's error is not its result.
        assertThat(bridge.settled).containsExactly(Map.entry("ap-1", GatewayExecResult.unreported()));
        bridged.close();
    }

    @Test
    void anApprovalStillOpenWhenTheRunEndsIsSettledWithoutAResult() throws Exception {
        // given
        Bridge bridge = new Bridge();
        OpenClawRuntime bridged = runtime(gateway.url(), TOKEN, bridge);
        gateway.on("agent", (socket, request) -> {
            accept(socket, request, "run-1");
            approvalRequested(
                    socket, "ap-1", request.path("params").path("sessionKey").asString());
            agentEvent(socket, "run-1", 1, "lifecycle", data().put("phase", "end"));
        });

        // when
        bridged.call(inRun("clean up"), stream);

        // then
        assertThat(bridge.asked).isDone();
        assertThat(bridge.settled).containsExactly(Map.entry("ap-1", GatewayExecResult.unreported()));
        assertThat(gateway.requests("exec.approval.resolve")).isEmpty();
        bridged.close();
    }

    @Test
    void isConfiguredByATokenOrAnExplicitSwitch() {
        assertThat(properties(null, null).configured()).isFalse();
        assertThat(properties(TOKEN, null).configured()).isTrue();
        assertThat(properties(null, true).configured()).isTrue();
        assertThat(properties(TOKEN, false).configured()).isFalse();
        assertThat(new OpenClawProperties(null, "", null, null, null, null, null, null).url())
                .isEqualTo(URI.create("ws://127.0.0.1:18789"));
    }

    private static void approvalRequested(org.java_websocket.WebSocket socket, String id, String sessionKey) {
        FakeGateway.execApprovalRequested(socket, id, sessionKey, "rm -rf /tmp/cache");
    }

    private static ObjectNode execEvent(String phase, String toolCallId) {
        return data().put("phase", phase).put("name", "exec").put("toolCallId", toolCallId);
    }

    private static ObjectNode execArgs() {
        return data().put("command", "rm -rf /tmp/cache");
    }

    private ModelTurn callQuietly(OpenClawRuntime runtime, ModelRequest request) {
        try {
            return runtime.call(request, stream);
        } catch (RuntimeFailure failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static ModelRequest inRun(String text) {
        return new ModelRequest(null, List.of(ChatTurn.user(text)), List.of(), WAIT, RUN);
    }

    /** A bridge the test answers by hand, keeping what the runtime asked and settled. */
    private static class Bridge implements GatewayApprovals {
        final CompletableFuture<GatewayApprovalRequest> asked = new CompletableFuture<>();
        final CompletableFuture<GatewayApprovalDecision> answer = new CompletableFuture<>();
        final List<Map.Entry<String, GatewayExecResult>> settled = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<GatewayApprovalDecision> decide(GatewayApprovalRequest request) {
            asked.complete(request);
            return answer;
        }

        @Override
        public void settle(GatewayApprovalRequest request, GatewayExecResult result) {
            settled.add(Map.entry(request.id(), result));
        }
    }

    private static OpenClawProperties properties(String token, Boolean enabled) {
        return new OpenClawProperties(null, token, enabled, null, null, null, null, null);
    }

    private static OpenClawRuntime runtime(String url, String token, GatewayApprovals approvals) {
        OpenClawProperties properties = new OpenClawProperties(
                URI.create(url), token, null, null, Duration.ofSeconds(3), Duration.ofSeconds(10), null, null);
        return new OpenClawRuntime(properties, () -> approvals, Clock.systemUTC());
    }

    private static ModelRequest request(String text) {
        return new ModelRequest(null, List.of(ChatTurn.user(text)), List.of(), WAIT);
    }

    /** The failure as anyone could see it: message, toString and the whole printed cause chain. */
    private static String everything(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return failure + "\n" + out;
    }

    private static final class ObjectNodeUsage {
        static void end(org.java_websocket.WebSocket socket, String runId, long seq) {
            var end = data().put("phase", "end");
            end.set("usage", data().put("input", 12).put("output", 3));
            agentEvent(socket, runId, seq, "lifecycle", end);
        }
    }

    private static final class Recorder implements ModelStream {
        final List<String> deltas = new CopyOnWriteArrayList<>();
        final AtomicBoolean cancelled = new AtomicBoolean();
        boolean cancelAfterFirstDelta;

        @Override
        public void text(String delta) {
            deltas.add(delta);
            if (cancelAfterFirstDelta) {
                cancelled.set(true);
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }
    }
}
