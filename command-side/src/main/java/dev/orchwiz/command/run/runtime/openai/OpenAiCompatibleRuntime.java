package dev.orchwiz.command.run.runtime.openai;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.command.run.runtime.AgentRuntime;
import dev.orchwiz.command.run.runtime.ModelRequest;
import dev.orchwiz.command.run.runtime.ModelStream;
import dev.orchwiz.command.run.runtime.ModelTurn;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A model behind the Chat Completions API: OpenAI itself or a local server speaking it (Ollama, vLLM, LM Studio).
 * LangChain4j does the wire work (request JSON, the SSE stream, assembling streamed tool-call fragments); this class
 * bounds the call in time, stops it on cancel, and turns every failure into a {@link RuntimeFailure}.
 *
 * <p>The stream's callbacks run on the HTTP client's threads; they only queue what arrived, and the calling thread
 * hands text to the {@link ModelStream}, so the run sees its stream from one thread, in order.
 */
public class OpenAiCompatibleRuntime implements AgentRuntime {

    public static final String NAME = "openai";

    private static final String OPENAI_HOST = "api.openai.com";
    // How often a waiting call looks at the cancel flag when nothing arrives; a stop shows within this.
    private static final Duration CANCEL_CHECK = Duration.ofMillis(50);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final OpenAiProperties properties;
    private final ProviderFailures failures;
    // One JDK client (and so one connection pool) per call timeout; timeouts come from node settings, so few exist.
    private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public OpenAiCompatibleRuntime(OpenAiProperties properties) {
        this.properties = properties;
        this.failures = new ProviderFailures(properties.baseUrl(), properties.apiKey());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** OpenAI itself needs a key; any other server (a local Ollama, vLLM, LM Studio) is taken as usable without one. */
    @Override
    public boolean configured() {
        return properties.hasKey() || !pointsAtOpenAi(properties.baseUrl());
    }

    @Override
    public String defaultModel() {
        return properties.model();
    }

    @Override
    public ModelTurn call(ModelRequest request, ModelStream stream) throws RuntimeFailure {
        if (!configured()) {
            throw new RuntimeFailure(
                    RunFailure.RUNTIME_UNAVAILABLE,
                    "The OpenAI-compatible runtime has no key: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local"
                            + " server",
                    true);
        }
        Duration timeout = request.timeout() == null
                        || request.timeout().isNegative()
                        || request.timeout().isZero()
                ? DEFAULT_TIMEOUT
                : request.timeout();
        String model = request.model() == null || request.model().isBlank() ? defaultModel() : request.model();
        ChatRequest chat = ChatRequest.builder()
                .modelName(model)
                .messages(ChatCompletionsTranslation.messages(request.messages()))
                .toolSpecifications(ChatCompletionsTranslation.tools(request.tools()))
                .build();

        AbortableHttpClient http = new AbortableHttpClient(sharedClient(timeout));
        StreamingChatModel chatModel = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(http.asBuilder())
                .baseUrl(properties.baseUrl())
                .apiKey(properties.hasKey() ? properties.apiKey() : null)
                .modelName(model)
                .timeout(timeout)
                // Request and response logging would print the Authorization header and the whole conversation.
                .logRequests(false)
                .logResponses(false)
                .build();

        Signals signals = new Signals();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            chatModel.chat(chat, signals);
        } catch (RuntimeException refusedBeforeSending) {
            http.abort();
            throw failures.of(refusedBeforeSending, true);
        }
        StringBuilder streamed = new StringBuilder();
        try {
            while (true) {
                if (stream.cancelled()) {
                    http.abort();
                    // Half-streamed tool calls are dropped: a call the model did not finish asking for is not run.
                    return new ModelTurn(streamed.toString(), List.of(), 0, 0, "cancelled", model);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    http.abort();
                    throw failures.timedOut(timeout, streamed.isEmpty());
                }
                Signal signal = signals.queue.poll(Math.min(left, CANCEL_CHECK.toNanos()), TimeUnit.NANOSECONDS);
                if (signal instanceof Text text) {
                    streamed.append(text.delta());
                    stream.text(text.delta());
                } else if (signal instanceof Done done) {
                    return turn(done.response(), streamed, model);
                } else if (signal instanceof Failed failed) {
                    throw failures.of(failed.error(), streamed.isEmpty());
                }
            }
        } catch (InterruptedException stopping) {
            http.abort();
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(
                    RunFailure.INTERRUPTED, "The node stopped while waiting for the model", streamed.isEmpty());
        }
    }

    private ModelTurn turn(ChatResponse response, StringBuilder streamed, String requestedModel) throws RuntimeFailure {
        boolean nothingStreamed = streamed.isEmpty();
        if (response == null || response.aiMessage() == null) {
            throw failures.badResponse("ended its stream without an answer", nothingStreamed);
        }
        String finishReason = ChatCompletionsTranslation.finishReason(response.finishReason());
        List<RequestedTool> calls = ChatCompletionsTranslation.requestedTools(response.aiMessage());
        String text = response.aiMessage().text() != null ? response.aiMessage().text() : streamed.toString();
        // Every Chat Completions server ends a complete answer with a finish reason; a stream without one was cut off.
        if (finishReason == null) {
            throw failures.badResponse(
                    "ended its stream without a finish reason (cut off or not a Chat Completions" + " stream)",
                    nothingStreamed);
        }
        TokenUsage usage = response.tokenUsage();
        long input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long output = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        String model =
                response.modelName() == null || response.modelName().isBlank() ? requestedModel : response.modelName();
        return new ModelTurn(text, calls, input, output, finishReason, model);
    }

    private HttpClient sharedClient(Duration timeout) {
        return clients.computeIfAbsent(timeout, callTimeout -> JdkHttpClient.builder()
                .connectTimeout(callTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? callTimeout : MAX_CONNECT_TIMEOUT)
                // The JDK applies this until the response headers; the runtime's own deadline covers the body.
                .readTimeout(callTimeout)
                .build());
    }

    static boolean pointsAtOpenAi(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host != null && host.toLowerCase(Locale.ROOT).equals(OPENAI_HOST);
        } catch (IllegalArgumentException unparsable) {
            // A URL nobody can call configures nothing; treating it as OpenAI's asks for a key, so it stays off.
            return true;
        }
    }

    private sealed interface Signal permits Text, Done, Failed {}

    private record Text(String delta) implements Signal {}

    private record Done(ChatResponse response) implements Signal {}

    private record Failed(Throwable error) implements Signal {}

    /** LangChain4j's callbacks, queued for the calling thread. */
    private static final class Signals implements StreamingChatResponseHandler {

        final BlockingQueue<Signal> queue = new LinkedBlockingQueue<>();

        @Override
        public void onPartialResponse(String delta) {
            if (delta != null && !delta.isEmpty()) {
                queue.add(new Text(delta));
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            queue.add(new Done(response));
        }

        @Override
        public void onError(Throwable error) {
            queue.add(new Failed(error));
        }
    }
}
