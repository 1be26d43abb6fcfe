package dev.orchwiz.command.execution;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.command.FinishToolCallRun;
import dev.orchwiz.api.toolcall.command.MarkToolCallOutputTruncated;
import dev.orchwiz.api.toolcall.command.RecordToolCallOutput;
import dev.orchwiz.api.toolcall.command.StartToolCallRun;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalExpired;
import dev.orchwiz.api.toolcall.event.ToolCallApproved;
import dev.orchwiz.api.toolcall.event.ToolCallBlocked;
import dev.orchwiz.api.toolcall.event.ToolCallCancellationRequested;
import dev.orchwiz.api.toolcall.event.ToolCallCancelled;
import dev.orchwiz.api.toolcall.event.ToolCallCompleted;
import dev.orchwiz.api.toolcall.event.ToolCallDenied;
import dev.orchwiz.api.toolcall.event.ToolCallFailed;
import dev.orchwiz.api.toolcall.event.ToolCallRequested;
import dev.orchwiz.api.toolcall.event.ToolCallTimedOut;
import dev.orchwiz.api.toolcall.query.CancelRequestedRuns;
import dev.orchwiz.api.toolcall.query.FindCancelRequestedRuns;
import dev.orchwiz.command.configuration.DaemonThreads;
import dev.orchwiz.command.execution.sandbox.OutputSink;
import dev.orchwiz.command.execution.sandbox.OutputStream;
import dev.orchwiz.command.execution.sandbox.RunResult;
import dev.orchwiz.command.execution.sandbox.Sandbox;
import dev.orchwiz.command.execution.sandbox.SandboxRequest;
import dev.orchwiz.command.execution.sandbox.SandboxRun;
import dev.orchwiz.command.redaction.OutputRedaction;
import dev.orchwiz.command.toolcall.ToolCallHistory;
import dev.orchwiz.command.toolcall.UnredactedInputs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs approved local calls in the sandbox and records what happens. The event handler only hands the run to a
 * worker: commands sent from inside the handler would commit with the processor's batch, after the run had begun.
 */
@Component
@ProcessingGroup(WhenToolCallApprovedThenRun.PROCESSING_GROUP)
// A process acts (runs commands, delivers webhooks): replaying history would act again, so it is never rebuilt.
@DisallowReplay
class WhenToolCallApprovedThenRun implements DisposableBean {

    static final String PROCESSING_GROUP = "tool-call-runs";

    private static final Logger log = LoggerFactory.getLogger(WhenToolCallApprovedThenRun.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Sandbox sandbox;
    private final ToolCallHistory history;
    private final CommandGateway commands;
    private final OutputRedaction redaction;
    private final Map<ToolCallId, SandboxRun> running = new ConcurrentHashMap<>();
    private final ExecutorService starter = Executors.newCachedThreadPool(new DaemonThreads("tool-call-run"));

    private final RunnerHeartbeat runner;
    private final QueryGateway queries;
    private final UnredactedInputs unredacted;
    private final List<LocalRunEndings> endings;
    /** The calls running here that recorded output (or its truncation), until they end. */
    private final Set<ToolCallId> printed = ConcurrentHashMap.newKeySet();

    WhenToolCallApprovedThenRun(
            Sandbox sandbox,
            ToolCallHistory history,
            CommandGateway commands,
            RunnerHeartbeat runner,
            QueryGateway queries,
            UnredactedInputs unredacted,
            OutputRedaction redaction,
            List<LocalRunEndings> endings) {
        this.endings = endings;
        this.redaction = redaction;
        this.sandbox = sandbox;
        this.history = history;
        this.commands = commands;
        this.runner = runner;
        this.queries = queries;
        this.unredacted = unredacted;
    }

    @EventHandler
    void on(ToolCallApproved event) {
        // Most approved calls are a runtime's to run: skip them here rather than hand each to a thread to find out.
        if (Boolean.FALSE.equals(event.runsLocally())) {
            return;
        }
        starter.execute(() -> run(event.toolCallId()));
    }

    /** A kept real input lives only as long as its call: every way a call ends forgets it. */
    @EventHandler
    void on(ToolCallCompleted event) {
        unredacted.forget(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallFailed event) {
        unredacted.forget(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallTimedOut event) {
        unredacted.forget(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallCancelled event) {
        unredacted.forget(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallDenied event) {
        unredacted.forget(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallApprovalExpired event) {
        unredacted.forget(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallBlocked event) {
        unredacted.forget(event.toolCallId());
    }

    @EventHandler
    void on(ToolCallCancellationRequested event) {
        SandboxRun run = running.get(event.toolCallId());
        if (run != null) {
            run.cancel();
        }
    }

    /**
     * The cancellation event reaches the node whose processor segment holds the call, which need not be the node
     * running it (segments move between nodes); the read model, written with the event, tells every runner.
     */
    @Scheduled(fixedDelayString = "${orchwiz.execution.cancel-check:PT1S}")
    void stopRunsCancelledElsewhere() {
        if (running.isEmpty()) {
            return;
        }
        try {
            queries.query(new FindCancelRequestedRuns(runner.id()), ResponseTypes.instanceOf(CancelRequestedRuns.class))
                    .join()
                    .toolCallIds()
                    .forEach(id -> {
                        SandboxRun run = running.get(ToolCallId.of(id));
                        if (run != null) {
                            run.cancel();
                        }
                    });
        } catch (RuntimeException unavailable) {
            log.debug("cancellations not checked: {}", unavailable.getMessage());
        }
    }

    private void run(ToolCallId id) {
        ToolCallRequested request = history.request(id).orElse(null);
        if (request == null || !request.runsLocally()) {
            return;
        }
        Duration timeout = sandbox.settings().defaultTimeout();
        ToolCallStatus started;
        try {
            // The gate is this node's, read now: the call ends blocked, with its reason, when execution is off here.
            started = commands.sendAndWait(
                    new StartToolCallRun(
                            id,
                            request.workingDirectory(),
                            timeout.toMillis(),
                            runner.id(),
                            sandbox.settings().enabled()),
                    SEND_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
        } catch (RuntimeException notRunnable) {
            // Cancelled, or already started by another node: nothing to run here.
            log.debug("tool call {} not started: {}", id, notRunnable.getMessage());
            return;
        }
        if (started != ToolCallStatus.RUNNING) {
            return;
        }
        // The event shows the input redacted; a call with a secret in it runs what was asked, kept aside for this.
        Optional<UnredactedInputs.Kept> kept = unredacted.of(id);
        Object script =
                kept.map(UnredactedInputs.Kept::input).orElse(request.input()).get("command");
        String stdin = kept.isPresent() ? kept.get().stdin() : request.stdin();
        try {
            SandboxRun run = sandbox.start(
                    new SandboxRequest(
                            script instanceof String text ? text : "",
                            request.workingDirectory(),
                            // Claude Code's hooks and commands name their scripts by the project directory.
                            Map.of(
                                    "ORCHWIZ_TOOL_CALL_ID",
                                    id.toString(),
                                    "CLAUDE_PROJECT_DIR",
                                    sandbox.settings()
                                            .workspaceRoot()
                                            .resolve(areaOf(request))
                                            .toString()),
                            stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8),
                            timeout,
                            areaOf(request)),
                    sink(id));
            running.put(id, run);
            run.result().whenComplete((result, failure) -> finish(id, result, failure));
        } catch (RuntimeException refused) {
            send(new FinishToolCallRun(id, "failed", null, 0, refused.getMessage()));
        }
    }

    /** The area the call's jail mounts: its session's, or its owner's for a call in no session (hooks alike). */
    static String areaOf(ToolCallRequested request) {
        return WorkspaceArea.of(request.sessionId(), request.ownerId()).path();
    }

    private OutputSink sink(ToolCallId id) {
        return new OutputSink() {
            @Override
            public void chunk(OutputStream stream, int sequence, String text) {
                printed.add(id);
                send(new RecordToolCallOutput(id, sequence, stream.wireName(), redaction.redact(text)));
            }

            @Override
            public void truncated(long keptBytes) {
                printed.add(id);
                send(new MarkToolCallOutputTruncated(id, keptBytes));
            }
        };
    }

    private void finish(ToolCallId id, RunResult result, Throwable failure) {
        running.remove(id);
        boolean wrote = printed.remove(id);
        if (failure != null) {
            send(new FinishToolCallRun(id, "failed", null, 0, "the run failed: " + failure.getMessage()));
            return;
        }
        String error =
                switch (result.outcome()) {
                    case FAILED -> "exited with code " + result.exitCode();
                    case TIMED_OUT -> "timed out";
                    default -> null;
                };
        Object ended = send(new FinishToolCallRun(
                id,
                result.outcome().wireName(),
                result.exitCode(),
                result.duration().toMillis(),
                error));
        // Only when this outcome is the call's: a call cancelled or reaped first ended otherwise, told by its event.
        if (ended == ToolCallStatus.COMPLETED) {
            int exitCode = result.exitCode() == null ? 0 : result.exitCode();
            for (LocalRunEndings ending : endings) {
                try {
                    ending.completed(id, exitCode, wrote);
                } catch (RuntimeException failed) {
                    // The call's event still reaches every process: a listener that failed here is told there.
                    log.warn("could not pass on the end of tool call {}: {}", id, failed.toString());
                }
            }
        }
    }

    /** Sends and waits; answers the handler's result, or null when it failed (logged: the run goes on). */
    private Object send(Object command) {
        try {
            return commands.sendAndWait(command, SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException failed) {
            log.warn("could not record {} : {}", command.getClass().getSimpleName(), failed.getMessage());
            return null;
        }
    }

    @Override
    public void destroy() {
        running.values().forEach(SandboxRun::cancel);
        starter.shutdownNow();
    }
}
