package dev.orchwiz.command.execution;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.command.FinishToolCallRun;
import dev.orchwiz.api.toolcall.query.AbandonedRuns;
import dev.orchwiz.api.toolcall.query.FindAbandonedRuns;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes, as failed, the runs whose runner stopped beating: their process is gone, so nobody will ever record how
 * they ended, and a call must not show "running" forever. Any node may do it; the aggregate accepts only the first
 * finish, so two nodes reaping the same run (or a late real finish) cannot record two endings.
 */
@Component
class AbandonedRunReaper {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRunReaper.class);
    private static final int BATCH = 100;

    private final RunnerHeartbeat heartbeat;
    private final QueryGateway queries;
    private final CommandGateway commands;

    AbandonedRunReaper(RunnerHeartbeat heartbeat, QueryGateway queries, CommandGateway commands) {
        this.heartbeat = heartbeat;
        this.queries = queries;
        this.commands = commands;
    }

    @Scheduled(
            fixedDelayString = "${orchwiz.execution.abandoned-run-check:PT15S}",
            initialDelayString = "${orchwiz.execution.abandoned-run-check:PT15S}")
    void finishAbandonedRuns() {
        Instant now = Instant.now();
        AbandonedRuns abandoned;
        try {
            abandoned = queries.query(
                            new FindAbandonedRuns(heartbeat.live(), now.minus(heartbeat.staleAfter()), BATCH),
                            ResponseTypes.instanceOf(AbandonedRuns.class))
                    .join();
        } catch (RuntimeException unavailable) {
            log.debug("abandoned runs not checked: {}", unavailable.getMessage());
            return;
        }
        for (AbandonedRuns.AbandonedRun run : abandoned.runs()) {
            long durationMs = Math.max(0, Duration.between(run.startedAt(), now).toMillis());
            try {
                commands.sendAndWait(new FinishToolCallRun(
                        ToolCallId.of(run.toolCallId()),
                        "failed",
                        null,
                        durationMs,
                        "interrupted: the node process running it (" + run.runner()
                                + ") stopped before the run finished"));
                log.info("finished abandoned run {} of runner {}", run.toolCallId(), run.runner());
            } catch (RuntimeException failed) {
                log.warn("could not finish abandoned run {}: {}", run.toolCallId(), failed.getMessage());
            }
        }
    }
}
