package dev.orchwiz.command.run.runtime.openclaw;

import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.command.run.runtime.ModelStream;
import dev.orchwiz.command.run.runtime.ModelTurn;
import dev.orchwiz.command.run.runtime.ModelTurn.RuntimeTool;
import dev.orchwiz.command.run.runtime.RunContext;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code agent} request followed to its end on the caller's thread: the connection only queues what it hears, and
 * this class turns it into streamed text, the gateway's own tool calls, answered approvals and one final turn or one
 * failure. A gap in the run's {@code seq} fails the call: text may be missing, so what was streamed cannot be the
 * answer.
 */
final class GatewayRun implements GatewayConnection.Subscriber {

    /** How often the caller's thread looks at {@link ModelStream#cancelled()} while nothing arrives. */
    private static final long POLL_MILLIS = 100;

    private static final int MAX_TOOL_OUTPUT = 4_000;

    private sealed interface Signal {}

    private record Event(String event, JsonNode payload) implements Signal {}

    private record Response(JsonNode frame) implements Signal {}

    private record Lost(String reason) implements Signal {}

    private record Answered(GatewayApprovalRequest request, GatewayApprovalDecision decision, String note)
            implements Signal {}

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final GatewayConnection connection;
    private final ObjectMapper json;
    private final GatewayApprovals approvals;
    private final String sessionKey;
    private final String model;
    private final RunContext context;
    private final Clock clock;
    private final StringBuilder text = new StringBuilder();
    private final Map<String, ToolUse> tools = new LinkedHashMap<>();
    private final List<RuntimeTool> approvalRecords = new ArrayList<>();
    /** Approvals the bridge took and has not been told the end of, by gateway approval id. */
    private final Map<String, Taken> taken = new LinkedHashMap<>();

    private final List<String> runIds = new ArrayList<>();
    private String runId;
    private long lastSeq = -1;
    private long inputTokens;
    private long outputTokens;

    private static final class ToolUse {
        final String id;
        final String name;
        final Map<String, Object> input;
        String output;
        boolean failed;

        ToolUse(String id, String name, Map<String, Object> input) {
            this.id = id;
            this.name = name;
            this.input = input;
        }
    }

    /** An approval handed to the bridge; {@code allowed} once OrchWiz answered allow-once. */
    private static final class Taken {
        final GatewayApprovalRequest request;
        boolean allowed;

        Taken(GatewayApprovalRequest request) {
            this.request = request;
        }
    }

    GatewayRun(
            GatewayConnection connection,
            ObjectMapper json,
            GatewayApprovals approvals,
            String sessionKey,
            String model,
            Clock clock,
            RunContext context) {
        this.connection = connection;
        this.json = json;
        this.approvals = approvals;
        this.sessionKey = sessionKey;
        this.model = model;
        this.clock = clock;
        this.context = context;
    }

    /** Sends the agent request and follows the run until it ends, fails, is cancelled or runs out of time. */
    ModelTurn run(ObjectNode params, String idempotencyKey, ModelStream stream, Duration timeout)
            throws RuntimeFailure {
        if (stream.cancelled()) {
            // Stopped before anything was asked: the gateway never hears of it.
            return turn("cancelled");
        }
        Instant deadline = clock.instant().plus(timeout);
        connection.subscribe(sessionKey, this);
        // The gateway may use the idempotency key as the run id; claiming it early keeps the first events.
        claim(idempotencyKey);
        String requestId = null;
        try {
            requestId = connection.stream("agent", params, this);
            while (true) {
                if (stream.cancelled()) {
                    abort();
                    return turn("cancelled");
                }
                long left = Duration.between(clock.instant(), deadline).toMillis();
                if (left <= 0) {
                    abort();
                    throw failure(
                            RunFailure.RUNTIME_TIMEOUT,
                            "The OpenClaw gateway run did not end within " + timeout + "; it was aborted");
                }
                Signal signal = signals.poll(Math.min(POLL_MILLIS, left), TimeUnit.MILLISECONDS);
                if (signal != null) {
                    ModelTurn finished = handle(signal, stream);
                    if (finished != null) {
                        return finished;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new RuntimeFailure(RunFailure.INTERRUPTED, "Interrupted while the gateway ran the agent", false);
        } finally {
            connection.unsubscribe(sessionKey, runIds, requestId);
            settleTheRest();
        }
    }

    /**
     * However the run ended, the bridge hears the end of every approval it took that no tool result settled: one it
     * allowed ran without a result reaching OrchWiz, one still unanswered will never be used.
     */
    private void settleTheRest() {
        for (Taken open : List.copyOf(taken.values())) {
            settle(open, GatewayExecResult.unreported());
        }
    }

    private void settle(Taken open, GatewayExecResult result) {
        taken.remove(open.request.id());
        try {
            approvals.settle(open.request, result);
        } catch (RuntimeException e) {
            // The bridge records its own failures; one of them must not fail a run whose answer is already here.
        }
    }

    /** Handles one signal; answers the final turn when the run ended, throws when it failed. */
    private ModelTurn handle(Signal signal, ModelStream stream) throws RuntimeFailure {
        if (signal instanceof Response response) {
            return onResponse(response.frame());
        }
        if (signal instanceof Lost lost) {
            throw failure(RunFailure.RUNTIME_UNAVAILABLE, "Lost the OpenClaw gateway mid-run: " + lost.reason());
        }
        if (signal instanceof Answered answered) {
            Taken open = taken.get(answered.request().id());
            if (open != null && answered.decision() == GatewayApprovalDecision.ALLOW_ONCE) {
                open.allowed = true;
            }
            resolve(answered.request(), answered.decision(), answered.note());
            return null;
        }
        Event event = (Event) signal;
        if ("exec.approval.requested".equals(event.event())) {
            onApproval(event.payload());
            return null;
        }
        return onAgentEvent(event.payload(), stream);
    }

    private ModelTurn onResponse(JsonNode frame) throws RuntimeFailure {
        if (!frame.path("ok").asBoolean(false)) {
            String reason = connection.errorText(frame.path("error"));
            RunFailure code = reason.startsWith("UNAVAILABLE") ? RunFailure.RUNTIME_UNAVAILABLE : RunFailure.ERROR;
            throw failure(code, "The OpenClaw gateway refused the agent request: " + reason);
        }
        JsonNode payload = frame.path("payload");
        String status = payload.path("status").asString("");
        if (runId == null) {
            String id = payload.path("runId").asString("");
            if (id.isEmpty()) {
                throw failure(
                        RunFailure.RUNTIME_BAD_RESPONSE,
                        "The OpenClaw gateway answered the agent request without a runId");
            }
            runId = id;
            claim(id);
        }
        // The gateway answers an agent request twice: "accepted" at once, then the outcome once the run ended.
        if ("error".equals(status)) {
            throw failure(
                    RunFailure.ERROR,
                    "The OpenClaw gateway run failed: "
                            + connection.scrub(payload.path("summary")
                                    .asString(payload.path("error").asString("no reason given"))));
        }
        if ("ok".equals(status)) {
            return turn("stop");
        }
        return null;
    }

    private ModelTurn onAgentEvent(JsonNode payload, ModelStream stream) throws RuntimeFailure {
        if (runId != null && !runIds.contains(payload.path("runId").asString(""))) {
            // Another run of the same session key (none is started by OrchWiz, but the gateway may spawn one).
            return null;
        }
        long seq = payload.path("seq").asLong(-1);
        if (seq >= 0) {
            if (lastSeq >= 0 && seq <= lastSeq) {
                // A repeated frame (a resend): already handled.
                return null;
            }
            if (lastSeq >= 0 && seq != lastSeq + 1) {
                abort();
                throw failure(
                        RunFailure.RUNTIME_BAD_RESPONSE,
                        "The OpenClaw gateway's event stream has a gap: after seq " + lastSeq + " came " + seq
                                + "; events were lost, so the answer would be incomplete");
            }
            lastSeq = seq;
        }
        JsonNode data = payload.path("data");
        switch (payload.path("stream").asString("")) {
            case "assistant" -> onAssistant(data, stream);
            case "tool" -> onTool(data);
            case "lifecycle" -> {
                String phase = data.path("phase").asString(data.path("state").asString(""));
                if (phase.equals("end") || phase.equals("completed")) {
                    JsonNode usage = data.path("usage");
                    inputTokens =
                            usage.path("input").asLong(usage.path("inputTokens").asLong(0));
                    outputTokens = usage.path("output")
                            .asLong(usage.path("outputTokens").asLong(0));
                    return turn("stop");
                }
                if (phase.equals("error")) {
                    throw failure(RunFailure.ERROR, "The OpenClaw gateway run failed: " + reasonOf(data));
                }
            }
            case "error" -> {
                abort();
                throw failure(RunFailure.RUNTIME_BAD_RESPONSE, "The OpenClaw gateway reported: " + reasonOf(data));
            }
            default -> {
                // thinking, item, compaction, fallback: nothing the turn carries.
            }
        }
        return null;
    }

    private void onAssistant(JsonNode data, ModelStream stream) {
        String delta = data.path("delta").asString(null);
        if (delta == null) {
            // Some gateways send the text so far instead of a delta: stream what is new.
            String whole = data.path("text").asString("");
            delta = whole.startsWith(text.toString()) ? whole.substring(text.length()) : "";
        }
        if (!delta.isEmpty()) {
            text.append(delta);
            stream.text(delta);
        }
    }

    private void onTool(JsonNode data) {
        String id = data.path("toolCallId").asString("");
        String name = data.path("name").asString("tool");
        String phase = data.path("phase").asString("");
        ToolUse use = tools.computeIfAbsent(id, key -> new ToolUse(key, name, arguments(data.path("args"))));
        if (phase.equals("result")) {
            JsonNode result = data.has("result") ? data.path("result") : data.path("meta");
            use.output = bounded(
                    result.isString()
                            ? result.asString()
                            : result.isMissingNode() ? "" : json.writeValueAsString(result));
            use.failed = data.path("isError").asBoolean(false);
            settleAllowedExec(use);
        }
    }

    /**
     * The protocol does not name the approval a tool result belongs to; the gateway's exec asks for approval of the
     * very command it was given, so the first allowed approval of the same command is the one this result ends.
     */
    private void settleAllowedExec(ToolUse use) {
        Object command = use.input.get("command");
        if (!(command instanceof String text)) {
            return;
        }
        for (Taken open : taken.values()) {
            if (open.allowed && Objects.equals(open.request.command(), text)) {
                settle(open, GatewayExecResult.of(use.output, use.failed));
                return;
            }
        }
    }

    private Map<String, Object> arguments(JsonNode args) {
        if (!args.isObject()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(args, LinkedHashMap.class);
        return map;
    }

    private void onApproval(JsonNode payload) {
        JsonNode request = payload.path("request");
        Long expires = payload.has("expiresAtMs") ? payload.path("expiresAtMs").asLong() : null;
        GatewayApprovalRequest asked = new GatewayApprovalRequest(
                payload.path("id").asString(""),
                runId,
                sessionKey,
                request.path("command").asString(""),
                request.path("cwd").asString(null),
                request.path("host").asString(null),
                request.path("agentId").asString(null),
                expires == null ? null : Instant.ofEpochMilli(expires),
                context);
        if (approvals == null) {
            resolve(asked, GatewayApprovalDecision.DENY, "denied: no approval bridge is registered on this node");
            return;
        }
        try {
            taken.put(asked.id(), new Taken(asked));
            approvals
                    .decide(asked)
                    .whenComplete((decision, error) -> signals.add(
                            error != null || decision == null
                                    ? new Answered(
                                            asked,
                                            GatewayApprovalDecision.DENY,
                                            "denied: the approval bridge failed ("
                                                    + (error == null
                                                            ? "no decision"
                                                            : error.getClass().getSimpleName()) + ")")
                                    : new Answered(asked, decision, decision.wireName())));
        } catch (RuntimeException e) {
            taken.remove(asked.id());
            resolve(
                    asked,
                    GatewayApprovalDecision.DENY,
                    "denied: the approval bridge failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void resolve(GatewayApprovalRequest asked, GatewayApprovalDecision decision, String note) {
        ObjectNode params = json.createObjectNode();
        params.put("id", asked.id());
        params.put("decision", decision.wireName());
        connection.notify("exec.approval.resolve", params);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("command", asked.command());
        input.put("cwd", asked.cwd());
        approvalRecords.add(
                new RuntimeTool(asked.id(), "exec.approval", input, note, decision == GatewayApprovalDecision.DENY));
    }

    /** Asks the gateway to stop the run (chat.abort, by session key and run id); nothing waits for its answer. */
    private void abort() {
        ObjectNode params = json.createObjectNode();
        params.put("sessionKey", sessionKey);
        if (runId != null) {
            params.put("runId", runId);
        }
        connection.notify("chat.abort", params);
    }

    private ModelTurn turn(String finishReason) {
        List<RuntimeTool> ran = new ArrayList<>();
        tools.values().forEach(use -> ran.add(new RuntimeTool(use.id, use.name, use.input, use.output, use.failed)));
        ran.addAll(approvalRecords);
        return new ModelTurn(text.toString(), List.of(), inputTokens, outputTokens, finishReason, model, ran);
    }

    /**
     * A failure may go to the next runtime only while nothing has happened on the user's behalf: no text streamed, no
     * gateway tool started (it may have changed something already).
     */
    private RuntimeFailure failure(RunFailure code, String reason) {
        return new RuntimeFailure(code, reason, text.isEmpty() && tools.isEmpty());
    }

    private String reasonOf(JsonNode data) {
        String reason = data.path("error").isString()
                ? data.path("error").asString()
                : data.path("error")
                        .path("message")
                        .asString(data.path("reason")
                                .asString(data.path("message").asString("no reason given")));
        return connection.scrub(reason);
    }

    private void claim(String id) {
        runIds.add(id);
        connection.claimRun(id, sessionKey);
    }

    private static String bounded(String output) {
        return output.length() > MAX_TOOL_OUTPUT ? output.substring(0, MAX_TOOL_OUTPUT) + "…" : output;
    }

    @Override
    public void event(String event, JsonNode payload) {
        signals.add(new Event(event, payload));
    }

    @Override
    public void response(JsonNode frame) {
        signals.add(new Response(frame));
    }

    @Override
    public void lost(String reason) {
        signals.add(new Lost(reason));
    }
}
