package dev.orchwiz.command.observability;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.api.run.event.RunCancelled;
import dev.orchwiz.api.run.event.RunCompleted;
import dev.orchwiz.api.run.event.RunFailed;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Measures runs for Prometheus ({@code /actuator/prometheus}), with OpenTelemetry GenAI names where one exists:
 * {@code gen_ai.client.operation.duration} (model call latency) and {@code gen_ai.client.token.usage} (tokens per
 * call by {@code gen_ai.token.type}), plus {@code orchwiz.model.cost}, {@code orchwiz.runs} (by outcome and runtime)
 * and {@code orchwiz.tool.calls} (by tool).
 *
 * <p>Subscribing: each node counts what it decides, as Prometheus expects of an instance, and nothing is counted
 * again when a node starts. A measurement never fails the command that produced the event: anything going wrong
 * here is logged and the run goes on unmeasured.
 */
@Component
@ProcessingGroup(WhenModelCallOrRunEndsThenMeasure.PROCESSING_GROUP)
class WhenModelCallOrRunEndsThenMeasure {

    static final String PROCESSING_GROUP = "observability-metrics";

    private static final Logger log = LoggerFactory.getLogger(WhenModelCallOrRunEndsThenMeasure.class);
    private static final String UNKNOWN = "unknown";

    private final MeterRegistry meters;
    private final RunHistory runs;
    private final TagValues models = new TagValues(100);
    private final TagValues runtimes = new TagValues(20);
    private final TagValues tools = new TagValues(200);
    private final TagValues errorTypes = new TagValues(20);

    WhenModelCallOrRunEndsThenMeasure(MeterRegistry meters, RunHistory runs) {
        this.meters = meters;
        this.runs = runs;
    }

    @EventHandler
    void on(ModelCallCompleted call) {
        measure(() -> {
            String runtime = runtimes.of(call.runtime());
            String model = models.of(call.model());
            Timer.builder("gen_ai.client.operation.duration")
                    .description("Duration of model calls")
                    .tag("gen_ai.operation.name", "chat")
                    .tag("gen_ai.provider.name", runtime)
                    .tag("gen_ai.request.model", model)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(Duration.ofMillis(Math.max(0, call.latencyMillis())));
            tokens(runtime, model, "input").record(Math.max(0, call.inputTokens()));
            tokens(runtime, model, "output").record(Math.max(0, call.outputTokens()));
            if (call.cost() != null && call.cost().signum() > 0) {
                Counter.builder("orchwiz.model.cost")
                        .description("Cost of model calls, in the price table's currency")
                        .tag("gen_ai.provider.name", runtime)
                        .tag("gen_ai.request.model", model)
                        .register(meters)
                        .increment(call.cost().doubleValue());
            }
        });
    }

    @EventHandler
    void on(RunStarted run) {
        measure(() -> runs(runtimes.of(run.runtime()), "started", "none").increment());
    }

    @EventHandler
    void on(RunCompleted completed) {
        measure(() -> ended(completed.runId(), "completed", "none"));
    }

    @EventHandler
    void on(RunFailed failed) {
        measure(() -> ended(failed.runId(), "failed", failed.code()));
    }

    @EventHandler
    void on(RunCancelled cancelled) {
        measure(() -> ended(cancelled.runId(), "cancelled", "none"));
    }

    @EventHandler
    void on(RunToolCallRequested request) {
        measure(() -> Counter.builder("orchwiz.tool.calls")
                .description("Tool calls runs asked for")
                .tag("gen_ai.tool.name", tools.of(request.tool()))
                .register(meters)
                .increment());
    }

    private void ended(RunId runId, String outcome, String errorType) {
        String runtime =
                runs.started(runId).map(RunStarted::runtime).map(runtimes::of).orElse(UNKNOWN);
        runs(runtime, outcome, errorType).increment();
    }

    private Counter runs(String runtime, String outcome, String errorType) {
        return Counter.builder("orchwiz.runs")
                .description("Runs by outcome (started, completed, failed, cancelled) and runtime")
                .tag("outcome", outcome)
                .tag("gen_ai.provider.name", runtime)
                .tag("error.type", errorTypes.of(errorType))
                .register(meters);
    }

    private DistributionSummary tokens(String runtime, String model, String type) {
        return DistributionSummary.builder("gen_ai.client.token.usage")
                .description("Tokens used per model call")
                .baseUnit("tokens")
                .tag("gen_ai.operation.name", "chat")
                .tag("gen_ai.provider.name", runtime)
                .tag("gen_ai.request.model", model)
                .tag("gen_ai.token.type", type)
                .register(meters);
    }

    private static void measure(Runnable measurement) {
        try {
            measurement.run();
        } catch (RuntimeException failure) {
            log.warn("A run metric was not recorded", failure);
        }
    }
}
