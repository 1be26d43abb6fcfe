package dev.orchwiz.command.run;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.command.CancelToolCall;
import dev.orchwiz.api.toolcall.command.ReportToolCallResult;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalExpired;
import dev.orchwiz.api.toolcall.event.ToolCallApproved;
import dev.orchwiz.api.toolcall.event.ToolCallBlocked;
import dev.orchwiz.api.toolcall.event.ToolCallCancelled;
import dev.orchwiz.api.toolcall.event.ToolCallDenied;
import dev.orchwiz.command.configuration.DaemonThreads;
import dev.orchwiz.command.redaction.OutputRedaction;
import dev.orchwiz.command.run.runtime.RunContext;
import dev.orchwiz.command.run.runtime.openclaw.GatewayApprovalDecision;
import dev.orchwiz.command.run.runtime.openclaw.GatewayApprovalRequest;
import dev.orchwiz.command.run.runtime.openclaw.GatewayApprovals;
import dev.orchwiz.command.run.runtime.openclaw.GatewayExecResult;
import dev.orchwiz.command.toolcall.ToolCallRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes an OpenClaw gateway's exec approvals OrchWiz approvals. Each {@code exec.approval.requested} of a run's gateway
 * session becomes a {@code Bash} tool call (origin runtime, the run's session, its owner as the actor, input
 * {@code command} and {@code cwd}) that the control plane decides like any other: rules, the session's mode,
 * PreToolUse hooks and, when it asks, a person in the approvals list. The node never runs it ({@code runByItsRuntime}):
 * an approval answers the gateway {@code allow-once}, and a denial, block, expiry or cancel answers {@code deny}, as
 * does the gateway's own deadline passing first (the call is then cancelled, so nobody approves a command that will
 * not run). When the gateway reports the exec's result, or its run ends without one, an approved call is finished
 * with that result ({@code ReportToolCallResult}), so it never stays approved. The answers wait here in memory: a
 * node that stops loses them, and the gateway applies its own fallback (deny) at its deadline.
 */
@Component
@ProcessingGroup(WhenGatewayAsksThenRequestAToolCall.PROCESSING_GROUP)
// A process acts (answers the gateway, finishes calls): replaying history would act again, so it is never rebuilt.
@DisallowReplay
class WhenGatewayAsksThenRequestAToolCall implements GatewayApprovals, DisposableBean {

    static final String PROCESSING_GROUP = "gateway-approvals";

    /** What the node records of an exec whose result never reached it. */
    static final String NO_RESULT = "The OpenClaw gateway's run ended without reporting this command's result;"
            + " whatever it did is in the run's runtime tools";

    private static final Logger log = LoggerFactory.getLogger(WhenGatewayAsksThenRequestAToolCall.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    /** How a call is asked for: {@link ToolCallRequests#request(Actor, ToolCallRequests.Call, ToolCallId)}. */
    interface Requests {
        void request(Actor owner, ToolCallRequests.Call call, ToolCallId id);
    }

    private final Requests requests;
    private final CommandGateway commands;
    private final Clock clock;
    private final OutputRedaction redaction;
    private final Map<ToolCallId, Pending> byCall = new ConcurrentHashMap<>();
    private final Map<String, Pending> byApproval = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("gateway-approvals"));

    /** One gateway approval and the call deciding it; {@code answer} completes once, with the gateway's answer. */
    private record Pending(
            ToolCallId call,
            Actor owner,
            GatewayApprovalRequest request,
            CompletableFuture<GatewayApprovalDecision> answer) {}

    @Autowired
    WhenGatewayAsksThenRequestAToolCall(
            ToolCallRequests toolCalls, CommandGateway commands, OutputRedaction redaction) {
        this(toolCalls::request, commands, Clock.systemUTC(), redaction);
    }

    WhenGatewayAsksThenRequestAToolCall(Requests requests, CommandGateway commands, Clock clock) {
        this(requests, commands, clock, new OutputRedaction(System.getenv()));
    }

    private WhenGatewayAsksThenRequestAToolCall(
            Requests requests, CommandGateway commands, Clock clock, OutputRedaction redaction) {
        this.requests = requests;
        this.commands = commands;
        this.clock = clock;
        this.redaction = redaction;
    }

    @Override
    public CompletionStage<GatewayApprovalDecision> decide(GatewayApprovalRequest request) {
        RunContext run = request.run();
        if (run == null || run.sessionId() == null || run.ownerId() == null) {
            // No run, no session to decide in and nobody to ask: the careful answer.
            return CompletableFuture.completedFuture(GatewayApprovalDecision.DENY);
        }
        ToolCallId id = ToolCallId.random();
        Pending pending = new Pending(id, new Actor(run.ownerId(), false), request, new CompletableFuture<>());
        // Registered before the request: rules or the mode can approve the call before request() even answers.
        byCall.put(id, pending);
        byApproval.put(key(request), pending);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("command", request.command());
        if (request.cwd() != null && !request.cwd().isBlank()) {
            input.put("cwd", request.cwd());
        }
        try {
            requests.request(
                    pending.owner(),
                    ToolCallRequests.Call.forRun(run.sessionId(), null, ToolCallRequests.LOCAL_TOOL, input, true),
                    id);
        } catch (RuntimeException refused) {
            // A closed or archived session, input over the limit: nothing was recorded, the gateway hears no.
            log.info("Gateway approval {} of run {} was refused: {}", request.id(), run.runId(), refused.toString());
            forget(pending);
            pending.answer().complete(GatewayApprovalDecision.DENY);
            return pending.answer().copy();
        }
        if (request.expiresAt() != null) {
            long delay = Math.max(
                    0, Duration.between(clock.instant(), request.expiresAt()).toMillis());
            timer.schedule(() -> gatewayDeadlinePassed(pending), delay, TimeUnit.MILLISECONDS);
        }
        return pending.answer().copy();
    }

    @Override
    public void settle(GatewayApprovalRequest request, GatewayExecResult result) {
        Pending pending = byApproval.get(key(request));
        if (pending == null) {
            return;
        }
        forget(pending);
        if (pending.answer().complete(GatewayApprovalDecision.DENY)) {
            // Its run ended while the call still waited: the answer can no longer be used, so nobody should give it.
            cancel(pending);
            return;
        }
        if (pending.answer().join() == GatewayApprovalDecision.ALLOW_ONCE) {
            report(pending, result);
        }
    }

    @EventHandler
    void on(ToolCallApproved event) {
        Pending pending = byCall.get(event.toolCallId());
        if (pending == null) {
            return;
        }
        // Known until its run reports the result (settle). Approved after the gateway's deadline answered deny, it
        // is no longer here: that deadline cancelled it, and an approved call that has not run can be cancelled.
        pending.answer().complete(GatewayApprovalDecision.ALLOW_ONCE);
    }

    @EventHandler
    void on(ToolCallDenied event) {
        refused(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallBlocked event) {
        refused(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallApprovalExpired event) {
        refused(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallCancelled event) {
        refused(event.toolCallId());
    }

    /** Whether the bridge still waits on anything for this call (for tests and the curious). */
    boolean tracks(ToolCallId call) {
        return byCall.containsKey(call);
    }

    private void refused(ToolCallId call) {
        Pending pending = byCall.get(call);
        if (pending != null) {
            forget(pending);
            pending.answer().complete(GatewayApprovalDecision.DENY);
        }
    }

    private void gatewayDeadlinePassed(Pending pending) {
        if (pending.answer().complete(GatewayApprovalDecision.DENY)) {
            forget(pending);
            cancel(pending);
        }
    }

    private void cancel(Pending pending) {
        try {
            commands.sendAndWait(
                    new CancelToolCall(pending.call(), pending.owner()), SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException alreadyOver) {
            // Decided in the meantime (its own expiry, a person): its event finishes it here.
            log.debug("Gateway tool call {} was not cancelled: {}", pending.call(), alreadyOver.toString());
        }
    }

    /**
     * Finishes an approved call with what the gateway said: its tool result's output and error flag, or a failure
     * saying no result came (never a success the node cannot vouch for).
     */
    private void report(Pending pending, GatewayExecResult result) {
        boolean failed = !result.reported() || result.failed();
        String output = result.reported() ? redaction.redact(result.output()) : "";
        String error = result.reported()
                ? (result.failed() ? "The OpenClaw gateway reported the command as failed" : null)
                : NO_RESULT;
        try {
            commands.sendAndWait(
                    new ReportToolCallResult(
                            pending.call(),
                            pending.owner(),
                            failed ? "failed" : "completed",
                            null,
                            0,
                            output,
                            null,
                            false,
                            output.getBytes(StandardCharsets.UTF_8).length,
                            error),
                    SEND_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
        } catch (RuntimeException refused) {
            log.warn("Could not report the gateway's result of tool call {}: {}", pending.call(), refused.toString());
        }
    }

    private void forget(Pending pending) {
        byCall.remove(pending.call());
        byApproval.remove(key(pending.request()));
    }

    private static String key(GatewayApprovalRequest request) {
        return request.sessionKey() + "\n" + request.id();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
