package dev.orchwiz.command.observability;

import com.langfuse.client.resources.commons.types.ModelUsageUnit;
import com.langfuse.client.resources.commons.types.ObservationLevel;
import com.langfuse.client.resources.commons.types.Usage;
import com.langfuse.client.resources.ingestion.types.CreateEventBody;
import com.langfuse.client.resources.ingestion.types.CreateEventEvent;
import com.langfuse.client.resources.ingestion.types.CreateGenerationBody;
import com.langfuse.client.resources.ingestion.types.CreateGenerationEvent;
import com.langfuse.client.resources.ingestion.types.CreateSpanBody;
import com.langfuse.client.resources.ingestion.types.CreateSpanEvent;
import com.langfuse.client.resources.ingestion.types.IngestionEvent;
import com.langfuse.client.resources.ingestion.types.IngestionUsage;
import com.langfuse.client.resources.ingestion.types.TraceBody;
import com.langfuse.client.resources.ingestion.types.TraceEvent;
import com.langfuse.client.resources.ingestion.types.UpdateSpanBody;
import com.langfuse.client.resources.ingestion.types.UpdateSpanEvent;
import com.langfuse.client.resources.ingestion.types.UsageDetails;
import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.api.run.event.RunCancelled;
import dev.orchwiz.api.run.event.RunCompleted;
import dev.orchwiz.api.run.event.RunFailed;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import dev.orchwiz.api.run.event.RunToolResultReceived;
import dev.orchwiz.api.run.event.RuntimeFellBack;
import dev.orchwiz.api.session.SessionMode;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Exports every run to Langfuse as it progresses: the run is a trace (our trace id) with a root span, each model call
 * a generation (model, usage, cost, timing), each tool call a span from request to result, and the run's end updates
 * the trace and its span with status, level and output. Inputs and outputs leave the node only when the run's trace
 * is sampled; timing, usage, cost and status always do.
 *
 * <p>Every envelope id is derived from the event's own id, so an event exported twice (a restart between sending and
 * storing the token) is deduplicated by Langfuse instead of counted twice. The events of one processor batch go out
 * as one ingestion request, just before the batch's token is stored, so nothing is marked done before it was sent.
 */
@Component
@Conditional(LangfuseConfigured.class)
@ProcessingGroup(WhenRunProgressesThenExportToLangfuse.PROCESSING_GROUP)
class WhenRunProgressesThenExportToLangfuse {

    static final String PROCESSING_GROUP = "langfuse-export";

    private static final Logger log = LoggerFactory.getLogger(WhenRunProgressesThenExportToLangfuse.class);
    private static final String BATCH = WhenRunProgressesThenExportToLangfuse.class.getName() + ".batch";

    private final LangfuseIngestion ingestion;
    private final RunHistory runs;
    private final String node;

    @Autowired
    WhenRunProgressesThenExportToLangfuse(ObservabilityProperties properties, MeterRegistry meters, RunHistory runs) {
        this(
                new LangfuseIngestion(properties.langfuse(), meters, duration -> Thread.sleep(duration.toMillis())),
                runs,
                properties.node());
    }

    WhenRunProgressesThenExportToLangfuse(LangfuseIngestion ingestion, RunHistory runs, String node) {
        this.ingestion = ingestion;
        this.runs = runs;
        this.node = node;
    }

    @EventHandler
    void on(RunStarted run, @Timestamp Instant at, @MessageIdentifier String eventId) {
        String mode =
                runs.sessionMode(run.sessionId(), at).map(SessionMode::wireName).orElse("unknown");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.operation.name", "invoke_agent");
        attributes.put("gen_ai.provider.name", run.runtime());
        attributes.put("gen_ai.request.model", run.model());
        attributes.put("gen_ai.conversation.id", run.sessionId().toString());
        attributes.put("orchwiz.run_id", run.runId().toString());
        attributes.put("orchwiz.node_id", node);
        attributes.put("orchwiz.mode", mode);
        attributes.put("orchwiz.origin", run.origin());
        attributes.put("orchwiz.max_steps", run.maxSteps());
        attributes.put("orchwiz.token_budget", run.tokenBudget());
        attributes.put("orchwiz.sampled", run.sampled());
        String name = "invoke_agent " + run.runtime();
        TraceBody.Builder trace = TraceBody.builder()
                .id(run.traceId())
                .timestamp(time(at))
                .name(name)
                .userId(run.ownerId().toString())
                .sessionId(run.sessionId().toString())
                .tags(List.of("mode:" + mode, "runtime:" + run.runtime(), "model:" + run.model(), "node:" + node))
                .metadata(attributes);
        CreateSpanBody.Builder span = CreateSpanBody.builder()
                .id(run.spanId())
                .traceId(run.traceId())
                .name(name)
                .startTime(time(at))
                .metadata(attributes);
        if (run.sampled()) {
            trace.input(run.prompt());
            span.input(run.prompt());
        }
        export(traceEnvelope(eventId, at, trace.build()), spanCreate(eventId, at, span.build()));
    }

    @EventHandler
    void on(ModelCallCompleted call, @Timestamp Instant at, @MessageIdentifier String eventId) {
        Optional<RunStarted> started = startedRun(call.runId().toString(), eventId);
        if (started.isEmpty()) {
            return;
        }
        RunStarted run = started.get();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.operation.name", "chat");
        attributes.put("gen_ai.provider.name", call.runtime());
        attributes.put("gen_ai.request.model", call.model());
        attributes.put(
                "gen_ai.response.finish_reasons",
                call.finishReason() == null ? List.of() : List.of(call.finishReason()));
        attributes.put("orchwiz.step", call.step());
        attributes.put(
                "orchwiz.requested_tools",
                call.toolCalls() == null ? 0 : call.toolCalls().size());
        double cost = call.cost() == null ? 0 : call.cost().doubleValue();
        CreateGenerationBody.Builder generation = CreateGenerationBody.builder()
                .id(call.spanId())
                .traceId(run.traceId())
                .parentObservationId(run.spanId())
                .name("chat " + call.model())
                .startTime(time(call.startedAt()))
                .endTime(time(call.startedAt().plusMillis(call.latencyMillis())))
                .model(call.model())
                .usage(IngestionUsage.of(Usage.builder()
                        .input(tokens(call.inputTokens()))
                        .output(tokens(call.outputTokens()))
                        .total(tokens(call.inputTokens() + call.outputTokens()))
                        .unit(ModelUsageUnit.TOKENS)
                        .totalCost(cost)
                        .build()))
                .usageDetails(UsageDetails.of(
                        Map.of("input", tokens(call.inputTokens()), "output", tokens(call.outputTokens()))))
                .costDetails(Map.of("total", cost))
                .metadata(attributes);
        if (run.sampled()) {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("text", call.text());
            output.put("toolCalls", call.toolCalls() == null ? List.of() : call.toolCalls());
            generation.output(output);
        }
        export(envelope(
                eventId,
                "generation-create",
                id -> IngestionEvent.generationCreate(CreateGenerationEvent.builder()
                        .id(id)
                        .timestamp(at.toString())
                        .body(generation.build())
                        .build())));
    }

    @EventHandler
    void on(RunToolCallRequested request, @Timestamp Instant at, @MessageIdentifier String eventId) {
        Optional<RunStarted> started = startedRun(request.runId().toString(), eventId);
        if (started.isEmpty()) {
            return;
        }
        RunStarted run = started.get();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.operation.name", "execute_tool");
        attributes.put("gen_ai.tool.name", request.tool());
        attributes.put("gen_ai.tool.call.id", request.providerCallId());
        attributes.put("orchwiz.tool_call_id", request.toolCallId().toString());
        attributes.put("orchwiz.step", request.step());
        CreateSpanBody.Builder span = CreateSpanBody.builder()
                .id(request.spanId())
                .traceId(run.traceId())
                .parentObservationId(run.spanId())
                .name("execute_tool " + request.tool())
                .startTime(time(at))
                .metadata(attributes);
        if (run.sampled()) {
            span.input(request.input());
        }
        export(spanCreate(eventId, at, span.build()));
    }

    @EventHandler
    void on(RunToolResultReceived result, @Timestamp Instant at, @MessageIdentifier String eventId) {
        Optional<RunStarted> started = startedRun(result.runId().toString(), eventId);
        Optional<String> spanId = started.flatMap(run -> runs.toolSpanId(result.runId(), result.toolCallId()));
        if (spanId.isEmpty()) {
            log.warn("Langfuse export skips the tool result {}: its request is not in the run", eventId);
            return;
        }
        RunStarted run = started.get();
        UpdateSpanBody._FinalStage span = UpdateSpanBody.builder()
                .id(spanId.get())
                .traceId(run.traceId())
                // Recorded with the next model call: the span ends when the call settled, not when that was recorded.
                .endTime(time(result.settledAt() == null ? at : result.settledAt()))
                .level(result.error() ? ObservationLevel.ERROR : ObservationLevel.DEFAULT)
                .statusMessage(result.status())
                .metadata(Map.of("orchwiz.tool_call_status", String.valueOf(result.status())));
        if (run.sampled()) {
            span.output(result.output());
        }
        export(spanUpdate(eventId, at, span.build()));
    }

    @EventHandler
    void on(RuntimeFellBack fallback, @Timestamp Instant at, @MessageIdentifier String eventId) {
        Optional<RunStarted> started = startedRun(fallback.runId().toString(), eventId);
        if (started.isEmpty()) {
            return;
        }
        RunStarted run = started.get();
        export(envelope(
                eventId,
                "event-create",
                id -> IngestionEvent.eventCreate(CreateEventEvent.builder()
                        .id(id)
                        .timestamp(at.toString())
                        .body(CreateEventBody.builder()
                                .id(observationId(eventId))
                                .traceId(run.traceId())
                                .parentObservationId(run.spanId())
                                .name("runtime fell back")
                                .startTime(time(at))
                                .level(ObservationLevel.WARNING)
                                .statusMessage(fallback.reason())
                                .metadata(Map.of("from", fallback.from(), "to", fallback.to()))
                                .build())
                        .build())));
    }

    @EventHandler
    void on(RunCompleted completed, @Timestamp Instant at, @MessageIdentifier String eventId) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("orchwiz.status", "completed");
        outcome.put("gen_ai.usage.input_tokens", completed.inputTokens());
        outcome.put("gen_ai.usage.output_tokens", completed.outputTokens());
        outcome.put("orchwiz.cost", completed.cost() == null ? BigDecimal.ZERO : completed.cost());
        outcome.put("orchwiz.steps", completed.steps());
        end(
                completed.runId().toString(),
                at,
                eventId,
                outcome,
                ObservationLevel.DEFAULT,
                "completed",
                completed.answer());
    }

    @EventHandler
    void on(RunFailed failed, @Timestamp Instant at, @MessageIdentifier String eventId) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("orchwiz.status", "failed");
        outcome.put("error.type", failed.code());
        end(
                failed.runId().toString(),
                at,
                eventId,
                outcome,
                ObservationLevel.ERROR,
                failed.code() + ": " + failed.reason(),
                null);
    }

    @EventHandler
    void on(RunCancelled cancelled, @Timestamp Instant at, @MessageIdentifier String eventId) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("orchwiz.status", "cancelled");
        end(cancelled.runId().toString(), at, eventId, outcome, ObservationLevel.WARNING, "cancelled", null);
    }

    /** The trace and the run's span, updated with how the run ended (a trace-create with a known id is an upsert). */
    private void end(
            String runId,
            Instant at,
            String eventId,
            Map<String, Object> outcome,
            ObservationLevel level,
            String statusMessage,
            String output) {
        Optional<RunStarted> started = startedRun(runId, eventId);
        if (started.isEmpty()) {
            return;
        }
        RunStarted run = started.get();
        TraceBody.Builder trace = TraceBody.builder().id(run.traceId()).metadata(outcome);
        UpdateSpanBody._FinalStage span = UpdateSpanBody.builder()
                .id(run.spanId())
                .traceId(run.traceId())
                .endTime(time(at))
                .level(level)
                .statusMessage(statusMessage)
                .metadata(outcome);
        if (run.sampled() && output != null) {
            trace.output(output);
            span.output(output);
        }
        export(traceEnvelope(eventId, at, trace.build()), spanUpdate(eventId, at, span.build()));
    }

    private Optional<RunStarted> startedRun(String runId, String eventId) {
        Optional<RunStarted> started = runs.started(RunId.of(runId));
        if (started.isEmpty()) {
            log.warn("Langfuse export skips event {}: run {} has no RunStarted", eventId, runId);
        }
        return started;
    }

    private static LangfuseIngestion.Envelope traceEnvelope(String eventId, Instant at, TraceBody body) {
        return envelope(
                eventId,
                "trace-create",
                id -> IngestionEvent.traceCreate(TraceEvent.builder()
                        .id(id)
                        .timestamp(at.toString())
                        .body(body)
                        .build()));
    }

    private static LangfuseIngestion.Envelope spanCreate(String eventId, Instant at, CreateSpanBody body) {
        return envelope(
                eventId,
                "span-create",
                id -> IngestionEvent.spanCreate(CreateSpanEvent.builder()
                        .id(id)
                        .timestamp(at.toString())
                        .body(body)
                        .build()));
    }

    private static LangfuseIngestion.Envelope spanUpdate(String eventId, Instant at, UpdateSpanBody body) {
        return envelope(
                eventId,
                "span-update",
                id -> IngestionEvent.spanUpdate(UpdateSpanEvent.builder()
                        .id(id)
                        .timestamp(at.toString())
                        .body(body)
                        .build()));
    }

    /** An envelope of this event's {@code kind}; the ingestion event carries the envelope's id as its own. */
    private static LangfuseIngestion.Envelope envelope(
            String eventId, String kind, Function<String, IngestionEvent> event) {
        String id = envelopeId(eventId, kind);
        return new LangfuseIngestion.Envelope(id, event.apply(id));
    }

    /**
     * Sends with the processor's batch: queued in the unit of work and sent once, before it commits. Outside a unit
     * of work (a direct call) it goes at once.
     */
    private void export(LangfuseIngestion.Envelope... envelopes) {
        if (!CurrentUnitOfWork.isStarted()) {
            ingestion.send(List.of(envelopes));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<LangfuseIngestion.Envelope> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            List<LangfuseIngestion.Envelope> queued = new ArrayList<>();
            unitOfWork.onPrepareCommit(done -> ingestion.send(queued));
            return queued;
        });
        batch.addAll(List.of(envelopes));
    }

    /** The same event and kind always give the same envelope id: Langfuse drops the second copy. */
    static String envelopeId(String eventId, String kind) {
        return UUID.nameUUIDFromBytes((eventId + "/" + kind).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** An OpenTelemetry-shaped span id (16 hex digits) for an observation only this event creates. */
    static String observationId(String eventId) {
        return envelopeId(eventId, "observation").replace("-", "").substring(0, 16);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Langfuse's usage counts are ints; a run's tokens never come near, but a wrong number must not wrap. */
    private static int tokens(long count) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, count));
    }
}
