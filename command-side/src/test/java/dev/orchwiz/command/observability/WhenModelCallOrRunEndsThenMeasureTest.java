package dev.orchwiz.command.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.api.run.event.RunCompleted;
import dev.orchwiz.api.run.event.RunFailed;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** Model calls, runs and tool calls become OpenTelemetry-named Micrometer meters. */
class WhenModelCallOrRunEndsThenMeasureTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final WhenModelCallOrRunEndsThenMeasure measure =
            new WhenModelCallOrRunEndsThenMeasure(meters, new RunHistory(store));

    @Test
    void aModelCallRecordsLatencyTokensByTypeAndCostByModel() {
        // when
        measure.on(call("gpt-x", 250, 120, 30, "0.004"));
        measure.on(call("gpt-x", 750, 80, 10, "0.001"));

        // then
        var duration = meters.get("gen_ai.client.operation.duration")
                .tag("gen_ai.request.model", "gpt-x")
                .tag("gen_ai.provider.name", "openai")
                .timer();
        assertThat(duration.count()).isEqualTo(2);
        assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000);
        assertThat(meters.get("gen_ai.client.token.usage")
                        .tag("gen_ai.token.type", "input")
                        .summary()
                        .totalAmount())
                .isEqualTo(200);
        assertThat(meters.get("gen_ai.client.token.usage")
                        .tag("gen_ai.token.type", "output")
                        .summary()
                        .totalAmount())
                .isEqualTo(40);
        assertThat(meters.get("orchwiz.model.cost")
                        .tag("gen_ai.request.model", "gpt-x")
                        .counter()
                        .count())
                .isEqualTo(0.005, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void runsAreCountedByOutcomeAndTheRuntimeTheyStartedOn() {
        // given two runs started on the local runtime
        RunId completed = started();
        RunId failed = started();

        // when
        measure.on(new RunCompleted(completed, "done", 1, 1, BigDecimal.ZERO, 1));
        measure.on(new RunFailed(failed, "STEP_LIMIT", "too many steps"));

        // then
        assertThat(runs("started", "local")).isEqualTo(2);
        assertThat(runs("completed", "local")).isEqualTo(1);
        assertThat(meters.get("orchwiz.runs")
                        .tag("outcome", "failed")
                        .tag("error.type", "STEP_LIMIT")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void toolCallsAreCountedByToolAndOddNamesShareOneSeries() {
        // when
        measure.on(tool("Bash"));
        measure.on(tool("Bash"));
        measure.on(tool("rm -rf / \n{{evil}}"));

        // then
        assertThat(meters.get("orchwiz.tool.calls")
                        .tag("gen_ai.tool.name", "Bash")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("orchwiz.tool.calls")
                        .tag("gen_ai.tool.name", TagValues.OTHER)
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aRunEndingWithoutAStartIsStillCountedUnderAnUnknownRuntime() {
        measure.on(new RunCompleted(RunId.random(), "done", 1, 1, BigDecimal.ZERO, 1));

        assertThat(runs("completed", "unknown")).isEqualTo(1);
    }

    private double runs(String outcome, String runtime) {
        return meters
                .get("orchwiz.runs")
                .tag("outcome", outcome)
                .tag("gen_ai.provider.name", runtime)
                .counters()
                .stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private RunId started() {
        RunId runId = RunId.random();
        RunStarted started = new RunStarted(
                runId,
                SessionId.random(),
                UserId.of("owner"),
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                "local",
                "local-echo",
                UUID.randomUUID(),
                "hi",
                "prompt",
                8,
                1000,
                List.of(),
                true,
                UserId.of("owner"),
                java.util.Map.of(),
                null,
                null);
        store.publish(new GenericDomainEventMessage<>("AgentRun", runId.toString(), 0, started));
        measure.on(started);
        return runId;
    }

    private static ModelCallCompleted call(String model, long latency, long in, long out, String cost) {
        return new ModelCallCompleted(
                RunId.random(),
                1,
                "1111111111111111",
                "openai",
                model,
                in,
                out,
                new BigDecimal(cost),
                Instant.now(),
                latency,
                "stop",
                "text",
                List.of(),
                java.util.List.of());
    }

    private static RunToolCallRequested tool(String name) {
        return new RunToolCallRequested(
                RunId.random(), 1, ToolCallId.random(), "call_1", name, Map.of(), "2222222222222222");
    }
}
