package dev.orchwiz.command.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.BlockCause;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import dev.orchwiz.api.toolcall.command.CancelToolCall;
import dev.orchwiz.api.toolcall.command.ReportToolCallResult;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalExpired;
import dev.orchwiz.api.toolcall.event.ToolCallApproved;
import dev.orchwiz.api.toolcall.event.ToolCallBlocked;
import dev.orchwiz.api.toolcall.event.ToolCallCancelled;
import dev.orchwiz.api.toolcall.event.ToolCallDenied;
import dev.orchwiz.command.run.runtime.RunContext;
import dev.orchwiz.command.run.runtime.openclaw.GatewayApprovalDecision;
import dev.orchwiz.command.run.runtime.openclaw.GatewayApprovalRequest;
import dev.orchwiz.command.run.runtime.openclaw.GatewayExecResult;
import dev.orchwiz.command.toolcall.ToolCallRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WhenGatewayAsksThenRequestAToolCallTest {

    private static final UserId OWNER = UserId.of("owner-1");
    private static final RunContext RUN = new RunContext(RunId.random(), SessionId.random(), OWNER);

    private record Requested(Actor owner, ToolCallRequests.Call call, ToolCallId id) {}

    private final List<Requested> requested = new CopyOnWriteArrayList<>();
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private RuntimeException refusal;
    private final WhenGatewayAsksThenRequestAToolCall bridge = new WhenGatewayAsksThenRequestAToolCall(
            (owner, call, id) -> {
                if (refusal != null) {
                    throw refusal;
                }
                requested.add(new Requested(owner, call, id));
            },
            commandGateway(),
            Clock.systemUTC());

    @AfterEach
    void stop() {
        bridge.destroy();
    }

    @Test
    void asksForABashCallInTheRunsSessionAsItsOwnerThatTheNodeNeverRuns() {
        // when
        CompletableFuture<GatewayApprovalDecision> answer = decide(request("ap-1", "rm -rf /tmp/cache", null));

        // then
        assertThat(requested).singleElement().satisfies(asked -> {
            assertThat(asked.owner()).isEqualTo(new Actor(OWNER, false));
            assertThat(asked.call().origin()).isEqualTo(ToolCallOrigin.RUNTIME);
            assertThat(asked.call().tool()).isEqualTo("Bash");
            assertThat(asked.call().sessionId()).isEqualTo(RUN.sessionId());
            assertThat(asked.call().input()).isEqualTo(Map.of("command", "rm -rf /tmp/cache", "cwd", "/home/user"));
            assertThat(asked.call().runByItsRuntime()).isTrue();
            assertThat(asked.call().workingDirectory()).isNull();
        });
        assertThat(answer).isNotDone();
    }

    @Test
    void anApprovedCallAnswersAllowOnce() {
        // given
        CompletableFuture<GatewayApprovalDecision> answer = decide(request("ap-1", "make test", null));
        ToolCallId call = requested.get(0).id();

        // when
        bridge.on(new ToolCallApproved(call, false, OWNER, null, "Approved by a person", false));

        // then
        assertThat(answer).isCompletedWithValue(GatewayApprovalDecision.ALLOW_ONCE);
        assertThat(bridge.tracks(call)).isTrue();
    }

    @Test
    void aDeniedBlockedExpiredOrCancelledCallAnswersDeny() {
        // given
        CompletableFuture<GatewayApprovalDecision> denied = decide(request("ap-1", "a", null));
        CompletableFuture<GatewayApprovalDecision> blocked = decide(request("ap-2", "b", null));
        CompletableFuture<GatewayApprovalDecision> expired = decide(request("ap-3", "c", null));
        CompletableFuture<GatewayApprovalDecision> cancelled = decide(request("ap-4", "d", null));

        // when
        bridge.on(new ToolCallDenied(requested.get(0).id(), "Denied by a person", OWNER, "no"));
        bridge.on(new ToolCallBlocked(requested.get(1).id(), BlockCause.HOOK, "Blocked by hook", "h1"));
        bridge.on(new ToolCallApprovalExpired(requested.get(2).id(), Instant.now()));
        bridge.on(new ToolCallCancelled(requested.get(3).id(), OWNER, null));

        // then
        assertThat(List.of(denied, blocked, expired, cancelled))
                .allSatisfy(answer -> assertThat(answer).isCompletedWithValue(GatewayApprovalDecision.DENY));
        assertThat(requested)
                .allSatisfy(asked -> assertThat(bridge.tracks(asked.id())).isFalse());
        assertThat(sent).isEmpty();
    }

    @Test
    void eventsOfOtherCallsChangeNothing() {
        // given
        CompletableFuture<GatewayApprovalDecision> answer = decide(request("ap-1", "a", null));

        // when
        bridge.on(new ToolCallApproved(ToolCallId.random(), true, null, null, "allowed", true));
        bridge.on(new ToolCallDenied(ToolCallId.random(), "denied", null, null));

        // then
        assertThat(answer).isNotDone();
    }

    @Test
    void withoutARunTheGatewayIsDeniedAndNoCallIsRequested() {
        // when
        CompletableFuture<GatewayApprovalDecision> answer = decide(new GatewayApprovalRequest(
                "ap-1", "gw-run", "agent:main:orchwiz-1", "ls", null, null, null, null, null));

        // then
        assertThat(answer).isCompletedWithValue(GatewayApprovalDecision.DENY);
        assertThat(requested).isEmpty();
    }

    @Test
    void aRefusedRequestAnswersDeny() {
        // given
        refusal = new IllegalStateException("session archived");

        // when
        CompletableFuture<GatewayApprovalDecision> answer = decide(request("ap-1", "ls", null));

        // then
        assertThat(answer).isCompletedWithValue(GatewayApprovalDecision.DENY);
    }

    @Test
    void theGatewaysDeadlineAnswersDenyAndCancelsTheCall() throws Exception {
        // given
        GatewayApprovalRequest asked = request("ap-1", "ls", Instant.now().plusMillis(100));

        // when
        GatewayApprovalDecision answer = decide(asked).get(5, TimeUnit.SECONDS);

        // then
        assertThat(answer).isEqualTo(GatewayApprovalDecision.DENY);
        ToolCallId call = requested.get(0).id();
        awaitSent(1);
        assertThat(sent).containsExactly(new CancelToolCall(call, new Actor(OWNER, false)));
        assertThat(bridge.tracks(call)).isFalse();
        // An approval that arrives after the deadline (the cancel lost the race) is not answered again.
        bridge.on(new ToolCallApproved(call, false, OWNER, null, "late", false));
        assertThat(sent).hasSize(1);
    }

    @Test
    void theGatewaysResultOfAnApprovedExecCompletesTheCall() {
        // given
        GatewayApprovalRequest asked = request("ap-1", "ls", null);
        decide(asked);
        ToolCallId call = requested.get(0).id();
        bridge.on(new ToolCallApproved(call, true, null, null, "allowed (auto-accept)", false));

        // when
        bridge.settle(asked, new GatewayExecResult(true, "a.txt\nb.txt", false));

        // then
        assertThat(sent).singleElement().isInstanceOfSatisfying(ReportToolCallResult.class, report -> {
            assertThat(report.toolCallId()).isEqualTo(call);
            assertThat(report.actor()).isEqualTo(new Actor(OWNER, false));
            assertThat(report.outcome()).isEqualTo("completed");
            assertThat(report.stdout()).isEqualTo("a.txt\nb.txt");
            assertThat(report.error()).isNull();
        });
        assertThat(bridge.tracks(call)).isFalse();
    }

    @Test
    void aFailedExecFailsTheCallAndItsOutputIsRedacted() {
        // given
        GatewayApprovalRequest asked = request("ap-1", "cat .env", null);
        decide(asked);
        bridge.on(new ToolCallApproved(requested.get(0).id(), false, OWNER, null, "ok", false));

        // when
        bridge.settle(
                asked,
                new GatewayExecResult(true, "Authorization: Bearer sk-live-abcdefghijklmnopqrstuvwxyz123456", true));

        // then
        assertThat(sent).singleElement().isInstanceOfSatisfying(ReportToolCallResult.class, report -> {
            assertThat(report.outcome()).isEqualTo("failed");
            assertThat(report.stdout()).doesNotContain("sk-live-abcdefghijklmnopqrstuvwxyz123456");
            assertThat(report.error()).contains("failed");
        });
    }

    @Test
    void anApprovedExecWhoseRunEndedWithoutAResultFailsSayingSo() {
        // given
        GatewayApprovalRequest asked = request("ap-1", "ls", null);
        decide(asked);
        bridge.on(new ToolCallApproved(requested.get(0).id(), false, OWNER, null, "ok", false));

        // when
        bridge.settle(asked, new GatewayExecResult(false, null, false));

        // then
        assertThat(sent).singleElement().isInstanceOfSatisfying(ReportToolCallResult.class, report -> {
            assertThat(report.outcome()).isEqualTo("failed");
            assertThat(report.error()).isEqualTo(WhenGatewayAsksThenRequestAToolCall.NO_RESULT);
        });
    }

    @Test
    void aRunThatEndsWhileItsCallWaitsDeniesAndCancelsTheCall() {
        // given
        GatewayApprovalRequest asked = request("ap-1", "ls", null);
        CompletableFuture<GatewayApprovalDecision> answer = decide(asked);
        ToolCallId call = requested.get(0).id();

        // when
        bridge.settle(asked, new GatewayExecResult(false, null, false));

        // then
        assertThat(answer).isCompletedWithValue(GatewayApprovalDecision.DENY);
        assertThat(sent).containsExactly(new CancelToolCall(call, new Actor(OWNER, false)));
    }

    @Test
    void aDeniedCallIsNotReportedWhenItsRunEnds() {
        // given
        GatewayApprovalRequest asked = request("ap-1", "ls", null);
        decide(asked);
        bridge.on(new ToolCallDenied(requested.get(0).id(), "Denied by a person", OWNER, null));

        // when
        bridge.settle(asked, new GatewayExecResult(false, null, false));

        // then
        assertThat(sent).isEmpty();
    }

    private CompletableFuture<GatewayApprovalDecision> decide(GatewayApprovalRequest request) {
        return bridge.decide(request).toCompletableFuture();
    }

    private static GatewayApprovalRequest request(String id, String command, Instant expiresAt) {
        return new GatewayApprovalRequest(
                id, "gw-run-1", "agent:main:orchwiz-1", command, "/home/user", "gateway", "main", expiresAt, RUN);
    }

    private void awaitSent(int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sent.size() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    /** A real command bus whose handlers only keep what the bridge sent (the tool call has its own tests). */
    private CommandGateway commandGateway() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ReportToolCallResult.class.getName(), message -> {
            sent.add(message.getPayload());
            return null;
        });
        bus.subscribe(CancelToolCall.class.getName(), message -> {
            sent.add(message.getPayload());
            return null;
        });
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }
}
