package dev.orchwiz.command.run.runtime.openai;

import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.JSON;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.error;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.finish;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.hold;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.raw;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.role;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.stallAfterHeaders;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.stallBeforeHeaders;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.stream;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.text;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.toolArguments;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.toolCall;
import static dev.orchwiz.command.run.runtime.openai.FakeChatCompletionsServer.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.command.run.runtime.ChatTurn;
import dev.orchwiz.command.run.runtime.ModelRequest;
import dev.orchwiz.command.run.runtime.ModelStream;
import dev.orchwiz.command.run.runtime.ModelTurn;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import dev.orchwiz.command.run.runtime.ToolSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

class OpenAiCompatibleRuntimeTest {

    private static final String KEY = "sk-test-4f9a1c2e7b3d8a6f5e0c9b1d";
    private static final Duration PATIENT = Duration.ofSeconds(10);

    private static final ToolSpec BASH = new ToolSpec(
            "Bash",
            "Runs a shell command in the session's workspace",
            Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of(
                            "command", Map.of("type", "string", "description", "the command line"),
                            "flags",
                                    Map.of(
                                            "type",
                                            "array",
                                            "items",
                                            Map.of("type", "string", "enum", List.of("-x", "-e")))),
                    "required",
                    List.of("command"),
                    "additionalProperties",
                    false));

    private FakeChatCompletionsServer server;
    private OpenAiCompatibleRuntime runtime;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeChatCompletionsServer();
        runtime = new OpenAiCompatibleRuntime(new OpenAiProperties(server.baseUrl(), KEY, "gpt-test"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void streamsTextAsItArrivesAndAnswersTheTurnWithUsage() throws Exception {
        // given
        server.enqueue(stream(role(), text("Hel"), text("lo"), text(" world"), finish("stop"), usage(12, 3)));
        Recording stream = new Recording(deltas -> false);

        // when
        ModelTurn turn = runtime.call(
                request(List.of(ChatTurn.system("Be brief."), ChatTurn.user("Say hello")), List.of()), stream);

        // then
        assertThat(stream.deltas).containsExactly("Hel", "lo", " world");
        assertThat(turn.text()).isEqualTo("Hello world");
        assertThat(turn.toolCalls()).isEmpty();
        assertThat(turn.inputTokens()).isEqualTo(12);
        assertThat(turn.outputTokens()).isEqualTo(3);
        assertThat(turn.finishReason()).isEqualTo("stop");
        assertThat(turn.model()).isEqualTo(FakeChatCompletionsServer.MODEL);

        FakeChatCompletionsServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.authorization()).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(sent.body());
        assertThat(body.path("model").asString()).isEqualTo("gpt-test");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("messages").toString())
                .isEqualTo(JSON.readTree("""
                                [{"role":"system","content":"Be brief."},{"role":"user","content":"Say hello"}]""").toString());
    }

    @Test
    void usesTheDefaultModelWhenTheRequestNamesNone() throws Exception {
        // given
        server.enqueue(stream(text("ok"), finish("stop")));

        // when
        runtime.call(
                new ModelRequest(null, List.of(ChatTurn.user("hi")), List.of(), PATIENT), new Recording(d -> false));

        // then
        assertThat(JSON.readTree(server.requests().get(0).body()).path("model").asString())
                .isEqualTo("gpt-test");
    }

    @Test
    void assemblesStreamedToolCallsAndSendsTheToolSchemasAsGiven() throws Exception {
        // given: two calls, their arguments split across chunks the way OpenAI streams them
        server.enqueue(stream(
                role(),
                toolCall(0, "call_abc", "Bash", ""),
                toolArguments(0, "{\"comm"),
                toolArguments(0, "and\": \"ls -la\"}"),
                toolCall(1, "call_def", "Bash", "{\"command\": \"pwd\", "),
                toolArguments(1, "\"flags\": [\"-x\"]}"),
                finish("tool_calls"),
                usage(40, 18)));

        // when
        ModelTurn turn = runtime.call(request(List.of(ChatTurn.user("list the files")), List.of(BASH)), noCancel());

        // then
        assertThat(turn.toolCalls())
                .containsExactly(
                        new RequestedTool("call_abc", "Bash", Map.of("command", "ls -la")),
                        new RequestedTool("call_def", "Bash", Map.of("command", "pwd", "flags", List.of("-x"))));
        assertThat(turn.finishReason()).isEqualTo("tool_calls");
        assertThat(turn.inputTokens()).isEqualTo(40);
        assertThat(turn.outputTokens()).isEqualTo(18);

        JsonNode tools = JSON.readTree(server.requests().get(0).body()).path("tools");
        assertThat(tools.size()).isEqualTo(1);
        assertThat(tools.get(0).path("type").asString()).isEqualTo("function");
        JsonNode function = tools.get(0).path("function");
        assertThat(function.path("name").asString()).isEqualTo("Bash");
        assertThat(function.path("description").asString())
                .isEqualTo("Runs a shell command in the session's workspace");
        // additionalProperties is left out: LangChain4j sends it for strict tools only.
        assertThat(function.path("parameters")).isEqualTo(JSON.readTree("""
                        {"type":"object",
                         "properties":{"command":{"type":"string","description":"the command line"},
                                       "flags":{"type":"array","items":{"type":"string","enum":["-x","-e"]}}},
                         "required":["command"]}"""));
    }

    @Test
    void sendsToolResultsBackWithTheWholeConversation() throws Exception {
        // given: the model asks for a tool, the run answers it, the model answers in words
        server.enqueue(
                stream(toolCall(0, "call_abc", "Bash", "{\"command\":\"ls\"}"), finish("tool_calls"), usage(20, 9)),
                stream(text("There is one file: notes.txt"), finish("stop"), usage(35, 7)));
        List<ChatTurn> conversation = new java.util.ArrayList<>(
                List.of(ChatTurn.system("You may run commands."), ChatTurn.user("What is here?")));
        ModelTurn first = runtime.call(request(conversation, List.of(BASH)), noCancel());

        // when
        conversation.add(ChatTurn.assistant(first.text(), first.toolCalls()));
        conversation.add(ChatTurn.toolResult("call_abc", "Bash", "notes.txt\n"));
        ModelTurn second = runtime.call(request(conversation, List.of(BASH)), noCancel());

        // then
        assertThat(second.text()).isEqualTo("There is one file: notes.txt");
        assertThat(second.toolCalls()).isEmpty();
        JsonNode messages = JSON.readTree(server.requests().get(1).body()).path("messages");
        assertThat(messages).isEqualTo(JSON.readTree("""
                        [{"role":"system","content":"You may run commands."},
                         {"role":"user","content":"What is here?"},
                         {"role":"assistant",
                          "tool_calls":[{"id":"call_abc","type":"function",
                                         "function":{"name":"Bash","arguments":"{\\"command\\":\\"ls\\"}"}}]},
                         {"role":"tool","tool_call_id":"call_abc","content":"notes.txt\\n"}]"""));
    }

    @Test
    void refusedKeyFailsWithoutTheKeyInTheMessageOrTheLogs() throws Exception {
        // given: the provider quotes the key back, as OpenAI's 401 does (partly masked there; not here)
        server.enqueue(error(401, """
                {"error":{"message":"Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.",
                          "type":"invalid_request_error","code":"invalid_api_key"}}""".formatted(KEY)));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.ALL);
        RuntimeFailure failure;
        try {
            // when
            failure = catchThrowableOfType(
                    RuntimeFailure.class,
                    () -> runtime.call(request(List.of(ChatTurn.user("hi")), List.of()), noCancel()));
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }

        // then
        assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer " + KEY);
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_UNAVAILABLE);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage())
                .contains("HTTP 401", "the key was refused", "Incorrect API key provided: [redacted]")
                .doesNotContain(KEY);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(KEY);
        }
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(KEY);
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                assertThat(String.valueOf(thrown.getMessage())).doesNotContain(KEY);
            }
        }
    }

    @Test
    void serverErrorFailsAsUnavailable() {
        // given
        server.enqueue(
                error(500, "{\"error\":{\"message\":\"The server had an error while processing your request.\"}}"));

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class, () -> runtime.call(request(List.of(ChatTurn.user("hi")), List.of()), noCancel()));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_UNAVAILABLE);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage())
                .contains(server.baseUrl(), "HTTP 500", "The server had an error while processing your request.");
    }

    @Test
    void unreachableServerFailsAsUnavailable() throws Exception {
        // given: a port that was just free
        String deadUrl;
        try (FakeChatCompletionsServer gone = new FakeChatCompletionsServer()) {
            deadUrl = gone.baseUrl();
        }
        OpenAiCompatibleRuntime nowhere = new OpenAiCompatibleRuntime(new OpenAiProperties(deadUrl, "", "m"));

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class, () -> nowhere.call(request(List.of(ChatTurn.user("hi")), List.of()), noCancel()));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_UNAVAILABLE);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage()).contains(deadUrl, "could not be reached");
    }

    @Test
    void streamThatStallsAfterItsHeadersTimesOut() {
        // given
        server.enqueue(stallAfterHeaders(Duration.ofSeconds(10)));
        long start = System.nanoTime();

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class,
                () -> runtime.call(
                        new ModelRequest("gpt-test", List.of(ChatTurn.user("hi")), List.of(), Duration.ofMillis(600)),
                        noCancel()));

        // then
        // The server would have stalled for 10 s; the margin below that absorbs a cold JVM's first call.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_TIMEOUT);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage()).contains("did not finish its answer within PT0.6S");
    }

    @Test
    void serverThatSendsNoHeadersTimesOut() {
        // given
        server.enqueue(stallBeforeHeaders(Duration.ofSeconds(10)));
        long start = System.nanoTime();

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class,
                () -> runtime.call(
                        new ModelRequest("gpt-test", List.of(ChatTurn.user("hi")), List.of(), Duration.ofMillis(600)),
                        noCancel()));

        // then
        // The server would have stalled for 10 s; the margin below that absorbs a cold JVM's first call.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_TIMEOUT);
    }

    @Test
    void timeoutAfterStreamedTextForbidsAFallback() {
        // given: text reached the user, so another runtime answering from the start would repeat it
        server.enqueue(hold(List.of(text("Partial ")), List.of(text("never"), finish("stop"))));

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class,
                () -> runtime.call(
                        new ModelRequest("gpt-test", List.of(ChatTurn.user("hi")), List.of(), Duration.ofMillis(800)),
                        noCancel()));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_TIMEOUT);
        assertThat(failure.fallbackAllowed()).isFalse();
    }

    @Test
    void cancelStopsMidStreamAndAnswersWhatArrived() throws Exception {
        // given: the server holds the rest of its answer (and a tool call) until released
        server.enqueue(hold(
                List.of(role(), text("Thinking about "), toolCall(0, "call_x", "Bash", "{\"comm")),
                List.of(text("it"), finish("stop"))));
        Recording stream = new Recording(deltas -> !deltas.isEmpty());

        // when
        ModelTurn turn = runtime.call(request(List.of(ChatTurn.user("hi")), List.of(BASH)), stream);

        // then: back within moments of the cancel, not when the server lets go
        assertThat(Duration.ofNanos(System.nanoTime() - stream.firstDeltaAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(turn.text()).isEqualTo("Thinking about ");
        assertThat(turn.toolCalls()).isEmpty();
        assertThat(turn.finishReason()).isEqualTo("cancelled");
        server.release();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(server::clientWentAway);
    }

    @Test
    void garbageInTheStreamFailsAsABadResponse() {
        // given
        server.enqueue(raw("data: {\"choices\": [oops\n\ndata: [DONE]\n\n"));

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class, () -> runtime.call(request(List.of(ChatTurn.user("hi")), List.of()), noCancel()));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_BAD_RESPONSE);
        assertThat(failure.getMessage()).contains(server.baseUrl(), "sent a chunk that is not valid JSON");
    }

    @Test
    void streamCutOffBeforeItsFinishReasonFailsAsABadResponse() {
        // given: text, then the connection ends without a finish reason or [DONE]
        server.enqueue(raw("data: " + text("Half an ans") + "\n\n"));

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class, () -> runtime.call(request(List.of(ChatTurn.user("hi")), List.of()), noCancel()));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_BAD_RESPONSE);
        assertThat(failure.fallbackAllowed()).isFalse();
        assertThat(failure.getMessage()).contains("without a finish reason");
    }

    @Test
    void toolArgumentsThatAreNotAnObjectFailAsABadResponse() {
        // given
        server.enqueue(stream(toolCall(0, "call_abc", "Bash", "[\"ls\"]"), finish("tool_calls")));

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class,
                () -> runtime.call(request(List.of(ChatTurn.user("hi")), List.of(BASH)), noCancel()));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("arguments for tool Bash are not a JSON object");
    }

    // ---- configured()

    @Test
    void openAiItselfNeedsAKey() {
        assertThat(runtimeAt("https://api.openai.com/v1", "").configured()).isFalse();
        assertThat(runtimeAt("https://API.OpenAI.com/v1/", "").configured()).isFalse();
        assertThat(runtimeAt(null, null).configured()).isFalse();
        assertThat(runtimeAt("https://api.openai.com/v1", KEY).configured()).isTrue();
    }

    @Test
    void anotherServerNeedsNoKey() {
        assertThat(runtimeAt("http://localhost:11434/v1", "").configured()).isTrue();
        assertThat(runtimeAt("http://127.0.0.1:8000/v1", null).configured()).isTrue();
        assertThat(runtimeAt("https://proxy.example.com/openai/v1", KEY).configured())
                .isTrue();
    }

    @Test
    void anUnparsableBaseUrlConfiguresNothing() {
        assertThat(runtimeAt("http://exa mple/v1", "").configured()).isFalse();
    }

    @Test
    void unconfiguredRuntimeRefusesWithoutCallingAnything() {
        // given
        OpenAiCompatibleRuntime unconfigured = runtimeAt("https://api.openai.com/v1", "");

        // when
        RuntimeFailure failure = catchThrowableOfType(
                RuntimeFailure.class,
                () -> unconfigured.call(request(List.of(ChatTurn.user("hi")), List.of()), noCancel()));

        // then
        assertThat(failure.code()).isEqualTo(RunFailure.RUNTIME_UNAVAILABLE);
        assertThat(failure.getMessage()).contains("OPENAI_API_KEY");
    }

    @Test
    void describesItself() {
        OpenAiCompatibleRuntime described = runtimeAt("http://localhost:11434/v1", "");
        assertThat(described.name()).isEqualTo("openai");
        assertThat(described.defaultModel()).isEqualTo("gpt-4o-mini");
        assertThat(described.deterministic()).isFalse();
    }

    @Test
    void settingsNeverPrintTheKey() {
        assertThat(new OpenAiProperties(null, KEY, null).toString())
                .doesNotContain(KEY)
                .contains("apiKey=(set)");
    }

    private static OpenAiCompatibleRuntime runtimeAt(String baseUrl, String key) {
        return new OpenAiCompatibleRuntime(new OpenAiProperties(baseUrl, key, null));
    }

    private static ModelRequest request(List<ChatTurn> messages, List<ToolSpec> tools) {
        return new ModelRequest("gpt-test", messages, tools, PATIENT);
    }

    private static Recording noCancel() {
        return new Recording(deltas -> false);
    }

    /** Keeps every delta; says "cancelled" once {@code cancelWhen} holds for what arrived. */
    private static final class Recording implements ModelStream {
        final List<String> deltas = new CopyOnWriteArrayList<>();
        volatile long firstDeltaAt;
        private final Predicate<List<String>> cancelWhen;

        Recording(Predicate<List<String>> cancelWhen) {
            this.cancelWhen = cancelWhen;
        }

        @Override
        public void text(String delta) {
            if (deltas.isEmpty()) {
                firstDeltaAt = System.nanoTime();
            }
            deltas.add(delta);
        }

        @Override
        public boolean cancelled() {
            return cancelWhen.test(deltas);
        }
    }
}
