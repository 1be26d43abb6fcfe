package dev.orchwiz.command.run.runtime.openclaw;

import dev.orchwiz.command.run.runtime.AgentRuntime;
import dev.orchwiz.command.run.runtime.ChatTurn;
import dev.orchwiz.command.run.runtime.ModelRequest;
import dev.orchwiz.command.run.runtime.ModelStream;
import dev.orchwiz.command.run.runtime.ModelTurn;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenClaw gateway as a runtime. Each call sends one {@code agent} request on a fresh gateway session
 * ({@code agent:<agent>:orchwiz-<uuid>}), so OrchWiz's conversation never mixes with the gateway's own sessions, and
 * follows that run's {@code agent} events: assistant deltas are streamed, lifecycle end answers the turn, an error or a
 * {@code seq} gap fails it. What is sent: the system turns as {@code extraSystemPrompt}, the earlier turns as a
 * labelled transcript ahead of the last message (the gateway session starts empty), and {@code deliver: false} so
 * nothing goes out on the gateway's channels. The tools a run offers are not sent: the gateway's agent runs its own
 * tools, which the turn reports in {@link ModelTurn#runtimeTools()} and never as calls for the control plane. Its exec
 * approvals go to a {@link GatewayApprovals} bean with the run the call belongs to ({@link ModelRequest#run()}), or
 * are denied when there is none.
 */
@Component
@EnableConfigurationProperties(OpenClawProperties.class)
public class OpenClawRuntime implements AgentRuntime {

    public static final String NAME = "openclaw";
    static final String CLIENT_VERSION = "0.1.0";
    /** A model named {@code openclaw:<agent>} (the gateway's OpenAI-compatible spelling) means that agent. */
    private static final String MODEL_PREFIX = "openclaw:";

    private final OpenClawProperties properties;
    private final Supplier<GatewayApprovals> approvals;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private GatewayConnection connection;

    @Autowired
    public OpenClawRuntime(OpenClawProperties properties, ObjectProvider<GatewayApprovals> approvals) {
        this(properties, approvals::getIfAvailable, Clock.systemUTC());
    }

    OpenClawRuntime(OpenClawProperties properties, Supplier<GatewayApprovals> approvals, Clock clock) {
        this.properties = properties;
        this.approvals = approvals;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public String defaultModel() {
        return properties.agent();
    }

    @Override
    public ModelTurn call(ModelRequest request, ModelStream stream) throws RuntimeFailure {
        String model = request.model() == null || request.model().isBlank() ? defaultModel() : request.model();
        String agent = agentOf(model);
        String sessionKey = "agent:" + agent + ":orchwiz-" + UUID.randomUUID();
        String idempotencyKey = UUID.randomUUID().toString();
        Duration timeout = request.timeout() == null ? properties.requestTimeout() : request.timeout();
        GatewayRun run = new GatewayRun(connection(), json, approvals.get(), sessionKey, model, clock, request.run());
        return run.run(
                agentParams(request.messages(), agent, sessionKey, idempotencyKey), idempotencyKey, stream, timeout);
    }

    /** The open connection, or a new one when there is none or the last one was lost. */
    private synchronized GatewayConnection connection() throws RuntimeFailure {
        if (connection == null || !connection.isOpen()) {
            connection = GatewayConnection.open(properties, json);
        }
        return connection;
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    ObjectNode agentParams(List<ChatTurn> messages, String agent, String sessionKey, String idempotencyKey) {
        ObjectNode params = json.createObjectNode();
        params.put("message", message(messages));
        params.put("agentId", agent);
        params.put("sessionKey", sessionKey);
        params.put("deliver", false);
        params.put("idempotencyKey", idempotencyKey);
        String system = messages.stream()
                .filter(turn -> turn.role() == ChatTurn.Role.SYSTEM)
                .map(ChatTurn::text)
                .collect(Collectors.joining("\n\n"));
        if (!system.isBlank()) {
            params.put("extraSystemPrompt", system);
        }
        return params;
    }

    /**
     * The one message the gateway takes: the last turn, preceded (when there is more) by the earlier turns as a
     * transcript, since a fresh gateway session knows nothing of them.
     */
    static String message(List<ChatTurn> messages) {
        List<ChatTurn> conversation = messages.stream()
                .filter(turn -> turn.role() != ChatTurn.Role.SYSTEM)
                .toList();
        if (conversation.isEmpty()) {
            return "(empty prompt)";
        }
        ChatTurn last = conversation.get(conversation.size() - 1);
        if (conversation.size() == 1 && last.role() == ChatTurn.Role.USER) {
            return nonEmpty(last.text());
        }
        StringBuilder message = new StringBuilder("[Conversation so far]\n");
        for (ChatTurn turn : conversation.subList(0, conversation.size() - 1)) {
            message.append(label(turn))
                    .append(": ")
                    .append(nonEmpty(turn.text()))
                    .append("\n\n");
        }
        if (last.role() == ChatTurn.Role.USER) {
            message.append("[Current message]\n").append(nonEmpty(last.text()));
        } else {
            message.append(label(last))
                    .append(": ")
                    .append(nonEmpty(last.text()))
                    .append("\n\n[Continue from the conversation above.]");
        }
        return message.toString();
    }

    private static String label(ChatTurn turn) {
        return switch (turn.role()) {
            case USER -> "User";
            case ASSISTANT ->
                turn.toolCalls().isEmpty()
                        ? "Assistant"
                        : "Assistant (asked for "
                                + turn.toolCalls().stream()
                                        .map(call -> call.name())
                                        .collect(Collectors.joining(", ")) + ")";
            case TOOL -> "Tool result of " + turn.toolName() + " (" + turn.toolCallId() + ")";
            case SYSTEM -> "System";
        };
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? "(empty)" : text;
    }

    private static String agentOf(String model) {
        String agent = model.toLowerCase(Locale.ROOT).startsWith(MODEL_PREFIX)
                ? model.substring(MODEL_PREFIX.length())
                : model;
        return agent.isBlank() ? "main" : agent;
    }

    @Override
    public String toString() {
        return "OpenClawRuntime[" + properties + "]";
    }
}
