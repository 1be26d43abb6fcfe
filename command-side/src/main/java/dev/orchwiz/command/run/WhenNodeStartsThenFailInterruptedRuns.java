package dev.orchwiz.command.run;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.api.run.command.FailRun;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A run whose model call was in progress when the node died cannot be resumed mid-answer: the stream is gone. It is
 * failed with {@code INTERRUPTED} when the node is ready again, so nobody waits on it; the person can prompt again. The
 * tool results its step had settled are recorded with the failure, so the run keeps what its tools did.
 */
@Component
class WhenNodeStartsThenFailInterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(WhenNodeStartsThenFailInterruptedRuns.class);

    private final RunsCallingModels calling;
    private final CommandGateway commands;
    private final RunToolCalls links;

    WhenNodeStartsThenFailInterruptedRuns(RunsCallingModels calling, CommandGateway commands, RunToolCalls links) {
        this.calling = calling;
        this.commands = commands;
        this.links = links;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failLeftBehind() {
        for (RunId run : calling.leftBehind()) {
            try {
                commands.sendAndWait(
                        new FailRun(
                                run,
                                RunFailure.INTERRUPTED.name(),
                                "The node stopped while the run was calling its model; prompt again to retry.",
                                // What its tools did stays in the run: the results no model call got to record.
                                links.settledOf(run)),
                        30,
                        TimeUnit.SECONDS);
                log.info("Failed run {}: the node stopped while it was calling its model", run);
            } catch (AggregateNotFoundException gone) {
                log.debug("Run {} left behind no longer exists", run);
            } catch (RuntimeException failed) {
                log.warn("Could not fail interrupted run {}: {}", run, failed.toString());
                continue;
            }
            links.forgetRun(run);
            calling.end(run);
        }
    }
}
