package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.hook.command.ScheduleHookDelivery;
import dev.orchwiz.api.hook.query.FindHook;
import dev.orchwiz.api.hook.query.FindMatchingHooks;
import dev.orchwiz.api.hook.query.HookView;
import dev.orchwiz.api.hook.query.MatchingHooks;
import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.OwnerMetaData;
import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.api.toolcall.HookVerdict;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import dev.orchwiz.api.toolcall.command.RecordHookVerdict;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalExpired;
import dev.orchwiz.api.toolcall.event.ToolCallAwaitingHooks;
import dev.orchwiz.api.toolcall.event.ToolCallBlocked;
import dev.orchwiz.api.toolcall.event.ToolCallCancelled;
import dev.orchwiz.api.toolcall.event.ToolCallCompleted;
import dev.orchwiz.api.toolcall.event.ToolCallDenied;
import dev.orchwiz.api.toolcall.event.ToolCallFailed;
import dev.orchwiz.api.toolcall.event.ToolCallOutputRecorded;
import dev.orchwiz.api.toolcall.event.ToolCallRequested;
import dev.orchwiz.api.toolcall.event.ToolCallTimedOut;
import dev.orchwiz.command.configuration.DaemonThreads;
import dev.orchwiz.command.hook.delivery.AttemptResult;
import dev.orchwiz.command.hook.delivery.DeliveryRequest;
import dev.orchwiz.command.hook.delivery.WebhookSender;
import dev.orchwiz.command.toolcall.ToolCallHistory;
import dev.orchwiz.command.toolcall.ToolCallRequests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Fires hooks around tool calls. PreToolUse hooks are asked before a call may go on: a webhook answers at once (one
 * attempt: a call cannot wait through retries), a command hook runs as a child tool call, through the same rules,
 * gate and sandbox, with the payload on stdin. Like Claude Code, exit code 2 or a JSON {@code "decision": "block"}
 * blocks. A hook that cannot answer (undeliverable, refused target, timeout, non-2xx, a failing command) is recorded
 * as an {@code error} verdict with the cause, and the call decides by the hook's {@code onFailure}: unlike Claude Code,
 * it blocks by default, because a guard that is down must not let calls through. PostToolUse hooks fire after a run:
 * webhooks become deliveries with retries, command hooks child calls.
 */
@Component
@ProcessingGroup(WhenToolCallAwaitsHooksOrEndsThenRunThem.PROCESSING_GROUP)
// A process acts (runs commands, delivers webhooks): replaying history would act again, so it is never rebuilt.
@DisallowReplay
class WhenToolCallAwaitsHooksOrEndsThenRunThem implements DisposableBean {

    static final String PROCESSING_GROUP = "tool-call-hooks";
    static final String HOOK_ID_INPUT = "hook_id";
    static final int BLOCKING_EXIT_CODE = 2;

    private static final Logger log = LoggerFactory.getLogger(WhenToolCallAwaitsHooksOrEndsThenRunThem.class);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ToolCallHistory history;
    private final ToolCallRequests requests;
    private final HookSecrets secrets;
    private final ObjectMapper json;
    private final WebhookSender sender;
    private final ExecutorService asker = Executors.newCachedThreadPool(new DaemonThreads("pre-tool-use-hook"));

    WhenToolCallAwaitsHooksOrEndsThenRunThem(
            QueryGateway queries,
            CommandGateway commands,
            ToolCallHistory history,
            ToolCallRequests requests,
            HookSecrets secrets,
            ObjectMapper json,
            HookProperties properties) {
        this.queries = queries;
        this.commands = commands;
        this.history = history;
        this.requests = requests;
        this.secrets = secrets;
        this.json = json;
        this.sender = new WebhookSender(properties.targetPolicy(), Clock.systemUTC());
    }

    // --- PreToolUse ---

    @EventHandler
    void on(ToolCallAwaitingHooks event, @MetaDataValue(OwnerMetaData.KEY) String ownerId) {
        // Hooks are asked off the processor's thread: a webhook may take its whole timeout, and a child call's
        // commands must commit on their own, not with this handler's batch.
        for (HookRef hook : event.hooks()) {
            asker.execute(() -> ask(event.toolCallId(), hook, UserId.of(ownerId)));
        }
    }

    private void ask(ToolCallId callId, HookRef reference, UserId owner) {
        try {
            Optional<HookView> hook = hook(owner, reference.hookId());
            ToolCallRequested call = history.request(callId).orElseThrow();
            if (hook.isEmpty()) {
                verdict(callId, reference, HookVerdict.ERROR, "the hook no longer exists");
            } else if (hook.get().type() == HookType.WEBHOOK) {
                askWebhook(callId, reference, hook.get(), call);
            } else {
                requests.request(new Actor(owner, false), childCall(hook.get(), call, preToolUsePayload(call)));
            }
        } catch (RuntimeException failed) {
            log.warn("PreToolUse hook {} of {} failed: {}", reference.hookId(), callId, failed.getMessage());
            verdict(callId, reference, HookVerdict.ERROR, "the hook could not run: " + failed.getMessage());
        }
    }

    private void askWebhook(ToolCallId callId, HookRef reference, HookView hook, ToolCallRequested call) {
        String secret = secrets.secretOf(HookId.of(hook.id())).orElse(null);
        if (secret == null) {
            verdict(callId, reference, HookVerdict.ERROR, "the hook has no signing secret on this node");
            return;
        }
        String body = HookPayloads.envelope(json, "tool_call.pre_tool_use", Instant.now(), preToolUsePayload(call));
        AttemptResult result = sender.send(new DeliveryRequest(
                URI.create(hook.url()),
                "msg_" + UUID.randomUUID().toString().replace("-", ""),
                body.getBytes(StandardCharsets.UTF_8),
                secret,
                Duration.ofSeconds(
                        hook.timeoutSeconds() == null ? HookRules.DEFAULT_TIMEOUT_SECONDS : hook.timeoutSeconds())));
        if (!result.delivered()) {
            verdict(
                    callId,
                    reference,
                    HookVerdict.ERROR,
                    "webhook " + result.outcome().wireName() + ": " + result.error());
            return;
        }
        String blockReason = blockReason(result.responseBody());
        if (blockReason != null) {
            verdict(callId, reference, HookVerdict.BLOCK, blockReason);
        } else {
            verdict(callId, reference, HookVerdict.ALLOW, "webhook answered " + result.responseCode());
        }
    }

    /** The reason a hook's JSON answer blocks the call, or null when it does not. */
    String blockReason(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(answer);
            JsonNode specific = node.path("hookSpecificOutput");
            if ("deny".equals(specific.path("permissionDecision").asString(""))) {
                return specific.path("permissionDecisionReason").asString("denied by the hook");
            }
            if ("block".equals(node.path("decision").asString(""))
                    || node.path("continue").asBoolean(true) == false) {
                return node.path("reason").asString(node.path("stopReason").asString("blocked by the hook"));
            }
            return null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    // --- children (command hooks) report back to their parent ---

    @EventHandler
    void on(ToolCallCompleted event) {
        childFinished(event.toolCallId(), event.exitCode(), null);
        postToolUse(event.toolCallId(), "completed", event.exitCode(), event.durationMs());
    }

    @EventHandler
    void on(ToolCallFailed event) {
        childFinished(event.toolCallId(), event.exitCode(), event.error());
        postToolUse(event.toolCallId(), "failed", event.exitCode(), event.durationMs());
    }

    @EventHandler
    void on(ToolCallTimedOut event) {
        childFinished(event.toolCallId(), null, "timed out");
        postToolUse(event.toolCallId(), "timed_out", null, event.durationMs());
    }

    @EventHandler
    void on(ToolCallCancelled event) {
        childFinished(event.toolCallId(), null, "cancelled");
        if (event.durationMs() != null) {
            postToolUse(event.toolCallId(), "cancelled", null, event.durationMs());
        }
    }

    @EventHandler
    void on(ToolCallDenied event) {
        childFinished(event.toolCallId(), null, "the hook's command was denied: " + event.reason());
    }

    @EventHandler
    void on(ToolCallBlocked event) {
        childFinished(event.toolCallId(), null, "the hook's command was blocked: " + event.reason());
    }

    @EventHandler
    void on(ToolCallApprovalExpired event) {
        childFinished(event.toolCallId(), null, "the hook's command was not approved in time");
    }

    private void childFinished(ToolCallId childId, Integer exitCode, String error) {
        ToolCallRequested child = history.request(childId).orElse(null);
        if (child == null || child.origin() != ToolCallOrigin.HOOK || child.parentToolCallId() == null) {
            return;
        }
        Object hookId = child.input().get(HOOK_ID_INPUT);
        HookRef reference = HookRef.named(String.valueOf(hookId), child.commandName());
        List<ToolCallOutputRecorded> output = history.output(childId);
        String stdout = output.stream()
                .filter(chunk -> "stdout".equals(chunk.stream()))
                .map(ToolCallOutputRecorded::text)
                .collect(Collectors.joining());
        String stderr = output.stream()
                .filter(chunk -> "stderr".equals(chunk.stream()))
                .map(ToolCallOutputRecorded::text)
                .collect(Collectors.joining());
        if (exitCode != null && exitCode == BLOCKING_EXIT_CODE) {
            verdict(
                    child.parentToolCallId(),
                    reference,
                    HookVerdict.BLOCK,
                    firstNonBlank(stderr, stdout, "exit code 2"));
        } else if (exitCode != null && exitCode == 0) {
            String blockReason = blockReason(stdout);
            verdict(
                    child.parentToolCallId(),
                    reference,
                    blockReason == null ? HookVerdict.ALLOW : HookVerdict.BLOCK,
                    blockReason == null ? "exit code 0" : blockReason);
        } else {
            verdict(
                    child.parentToolCallId(),
                    reference,
                    HookVerdict.ERROR,
                    firstNonBlank(error, stderr, "exit code " + exitCode));
        }
    }

    // --- PostToolUse ---

    private void postToolUse(ToolCallId callId, String status, Integer exitCode, long durationMs) {
        ToolCallRequested call = history.request(callId).orElse(null);
        if (call == null || call.origin() == ToolCallOrigin.HOOK) {
            // Hooks do not fire for hooks' own commands: that could loop forever.
            return;
        }
        MatchingHooks matching = queries.query(
                        new FindMatchingHooks(
                                call.ownerId(),
                                HookEventName.POST_TOOL_USE,
                                call.tool(),
                                call.sessionId(),
                                call.subagentId()),
                        ResponseTypes.instanceOf(MatchingHooks.class))
                .join();
        List<HookView> hooks = matching.hooks().stream()
                .filter(hook -> HookMatcher.matches(hook.matcher(), call.tool()))
                .toList();
        if (hooks.isEmpty()) {
            return;
        }
        String output = history.output(callId).stream()
                .map(ToolCallOutputRecorded::text)
                .collect(Collectors.joining());
        Map<String, Object> payload = postToolUsePayload(call, status, exitCode, durationMs, output);
        for (HookView hook : hooks) {
            if (hook.type() == HookType.WEBHOOK) {
                String body = HookPayloads.envelope(json, "tool_call.post_tool_use", Instant.now(), payload);
                commands.sendAndWait(new ScheduleHookDelivery(
                        HookDeliveryId.random(), HookId.of(hook.id()), call.ownerId(), callId, "PostToolUse", body));
            } else {
                asker.execute(() -> {
                    try {
                        requests.request(new Actor(call.ownerId(), false), childCall(hook, call, payload));
                    } catch (RuntimeException failed) {
                        log.warn(
                                "PostToolUse command hook {} of {} could not start: {}",
                                hook.id(),
                                callId,
                                failed.getMessage());
                    }
                });
            }
        }
    }

    // --- payloads ---

    private ToolCallRequests.Call childCall(HookView hook, ToolCallRequested parent, Map<String, Object> payload) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("command", hook.command());
        input.put("description", hook.event().wireName() + " hook " + hook.name());
        input.put(HOOK_ID_INPUT, hook.id());
        return new ToolCallRequests.Call(
                ToolCallOrigin.HOOK,
                parent.toolCallId(),
                parent.sessionId(),
                parent.subagentId(),
                null,
                hook.name(),
                ToolCallRequests.LOCAL_TOOL,
                input,
                json.writeValueAsString(payload),
                null,
                false);
    }

    private static Map<String, Object> preToolUsePayload(ToolCallRequested call) {
        Map<String, Object> data = common(call, HookEventName.PRE_TOOL_USE);
        return data;
    }

    private static Map<String, Object> postToolUsePayload(
            ToolCallRequested call, String status, Integer exitCode, long durationMs, String output) {
        Map<String, Object> data = common(call, HookEventName.POST_TOOL_USE);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", status);
        response.put("exit_code", exitCode);
        response.put("output", HookPayloads.abbreviate(output));
        data.put("tool_response", response);
        data.put("duration_ms", durationMs);
        return data;
    }

    private static Map<String, Object> common(ToolCallRequested call, HookEventName event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hook_event_name", event.wireName());
        data.put(
                "session_id", call.sessionId() == null ? null : call.sessionId().toString());
        data.put("tool_name", call.tool());
        data.put("tool_input", call.input());
        data.put("tool_use_id", call.toolCallId().toString());
        data.put(
                "agent_id", call.subagentId() == null ? null : call.subagentId().toString());
        data.put("cwd", call.workingDirectory());
        data.put("orchwiz_command", call.commandName());
        return data;
    }

    private Optional<HookView> hook(UserId owner, String hookId) {
        return queries.query(
                        new FindHook(new Actor(owner, true), HookId.of(hookId)),
                        ResponseTypes.optionalInstanceOf(HookView.class))
                .join();
    }

    private void verdict(ToolCallId callId, HookRef hook, HookVerdict verdict, String reason) {
        try {
            commands.sendAndWait(new RecordHookVerdict(callId, hook, verdict, reason));
        } catch (RuntimeException failed) {
            log.warn("could not record the verdict of hook {} on {}: {}", hook.hookId(), callId, failed.getMessage());
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    @Override
    public void destroy() {
        asker.shutdownNow();
    }
}
