package dev.orchwiz.projection.run;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RunState;
import dev.orchwiz.api.run.RuntimeToolUse;
import dev.orchwiz.api.run.event.AssistantOutputStreamed;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.api.run.event.RunApprovalDecided;
import dev.orchwiz.api.run.event.RunAwaitingApproval;
import dev.orchwiz.api.run.event.RunCancelled;
import dev.orchwiz.api.run.event.RunCompleted;
import dev.orchwiz.api.run.event.RunFailed;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import dev.orchwiz.api.run.event.RunToolResultReceived;
import dev.orchwiz.api.run.event.RuntimeFellBack;
import dev.orchwiz.api.run.query.RunToolCallView;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.VersionedRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code agent_run} (one row per run) and {@code run_span} (the run, each model call and each tool call). Updates
 * name the run's sequence and only move a row forward, so an event delivered twice changes nothing. A trace that is not
 * sampled keeps its spans' timings, usage and decisions but not the prompt and completion texts.
 */
@Component
@ProcessingGroup(RunProjector.PROCESSING_GROUP)
class RunProjector {

    static final String PROCESSING_GROUP = "runs";

    private static final TypeReference<List<RunToolCallView>> TOOL_CALLS = new TypeReference<>() {};

    private final NamedParameterJdbcTemplate jdbc;
    private final VersionedRows runs;

    RunProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.runs = new VersionedRows(jdbc, "agent_run");
    }

    @EventHandler
    void on(
            RunStarted event,
            @SequenceNumber long sequence,
            @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        runs.insert(
                """
                (id, session_id, owner_id, trace_id, span_id, runtime, model, origin, sampled, state, prompt,
                    prompt_interaction_id, started_at, version, tags)
                values (:id, :session, :owner, :trace, :span, :runtime, :model, :origin, :sampled, :state, :prompt,
                    :interaction, :at, :version, cast(:tags as jsonb))
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.runId().value())
                        .addValue("session", event.sessionId().value())
                        .addValue("owner", event.ownerId().value())
                        .addValue("trace", event.traceId())
                        .addValue("span", event.spanId())
                        .addValue("runtime", event.runtime())
                        .addValue("model", event.model())
                        .addValue("origin", event.origin())
                        .addValue("sampled", event.sampled())
                        .addValue("state", RunState.RUNNING.wireName())
                        .addValue("prompt", event.prompt())
                        .addValue("interaction", event.promptInteractionId())
                        .addValue("tags", Jsonb.write(event.tags() == null ? Map.of() : event.tags()))
                        .addValue("at", Timestamp.from(at))
                        .addValue("version", sequence));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.operation.name", "invoke_agent");
        attributes.put("gen_ai.system", event.runtime());
        attributes.put("gen_ai.request.model", event.model());
        attributes.put("orchwiz.session.id", event.sessionId().toString());
        attributes.put("orchwiz.run.origin", event.origin());
        attributes.put("orchwiz.trace.sampled", event.sampled());
        if (event.tags() != null) {
            event.tags().forEach((key, value) -> attributes.put("orchwiz.tag." + key, value));
        }
        if (event.sampled()) {
            attributes.put("gen_ai.prompt", event.prompt());
        }
        insertSpan(
                new SpanRow(
                        event.spanId(),
                        event.traceId(),
                        event.runId().value(),
                        event.ownerId().value(),
                        null,
                        "invoke_agent " + event.runtime(),
                        "run",
                        at,
                        null,
                        attributes,
                        eventId),
                new MapSqlParameterSource("model", event.model()));
    }

    @EventHandler
    void on(AssistantOutputStreamed event, @SequenceNumber long sequence) {
        // The streamed text shows the step in progress; a new step starts a new text.
        runs.update(
                event.runId().value(),
                sequence,
                "output = case when output_step = :step then output || :text else :text end, output_step = :step",
                new MapSqlParameterSource().addValue("step", event.step()).addValue("text", event.text()));
    }

    @EventHandler
    void on(RuntimeFellBack event, @SequenceNumber long sequence) {
        runs.update(
                event.runId().value(),
                sequence,
                "fallbacks = fallbacks || cast(:fallback as jsonb)",
                new MapSqlParameterSource()
                        .addValue(
                                "fallback",
                                Jsonb.write(List.of(event.from() + " → " + event.to() + ": " + event.reason()))));
    }

    @EventHandler
    void on(ModelCallCompleted event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        Run run = run(event.runId().value());
        if (run == null) {
            return;
        }
        List<RunToolCallView> calls = new ArrayList<>(run.toolCalls());
        List<RuntimeToolUse> ranByRuntime = event.runtimeTools() == null ? List.of() : event.runtimeTools();
        for (RuntimeToolUse tool : ranByRuntime) {
            // Tools the runtime ran itself show beside ours, marked so nobody mistakes them for control-plane calls.
            calls.add(new RunToolCallView(
                    "runtime:" + tool.id(),
                    event.step(),
                    tool.name(),
                    tool.input(),
                    tool.failed() ? "failed_in_runtime" : "ran_in_runtime",
                    tool.output(),
                    tool.failed()));
        }
        runs.update(
                event.runId().value(),
                sequence,
                """
                tool_calls = cast(:calls as jsonb), steps = greatest(steps, :step), input_tokens = input_tokens + :in, output_tokens = output_tokens + :out,
                cost = cost + :cost, model = :model, output = :text, output_step = :step
                """,
                new MapSqlParameterSource()
                        .addValue("calls", Jsonb.write(calls))
                        .addValue("step", event.step())
                        .addValue("in", event.inputTokens())
                        .addValue("out", event.outputTokens())
                        .addValue("cost", event.cost())
                        .addValue("model", event.model())
                        .addValue("text", event.text() == null ? "" : event.text()));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.operation.name", "chat");
        attributes.put("gen_ai.system", event.runtime());
        attributes.put("gen_ai.request.model", event.model());
        attributes.put("gen_ai.response.model", event.model());
        attributes.put("gen_ai.response.finish_reasons", List.of(String.valueOf(event.finishReason())));
        attributes.put("gen_ai.usage.input_tokens", event.inputTokens());
        attributes.put("gen_ai.usage.output_tokens", event.outputTokens());
        attributes.put("orchwiz.cost.usd", event.cost());
        attributes.put("orchwiz.step", event.step());
        attributes.put(
                "orchwiz.tool_calls",
                event.toolCalls().stream().map(RequestedTool::name).toList());
        attributes.put(
                "orchwiz.runtime_tools",
                ranByRuntime.stream().map(RuntimeToolUse::name).toList());
        if (run.sampled()) {
            attributes.put("gen_ai.completion", event.text());
        }
        insertSpan(
                run.child(
                        event.spanId(),
                        "chat " + event.model(),
                        "model",
                        event.startedAt(),
                        event.startedAt().plusMillis(event.latencyMillis()),
                        attributes,
                        eventId),
                new MapSqlParameterSource()
                        .addValue("model", event.model())
                        .addValue("inputTokens", event.inputTokens())
                        .addValue("outputTokens", event.outputTokens())
                        .addValue("cost", event.cost()));
    }

    @EventHandler
    void on(
            RunToolCallRequested event,
            @SequenceNumber long sequence,
            @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        Run run = run(event.runId().value());
        if (run == null) {
            return;
        }
        List<RunToolCallView> calls = new ArrayList<>(run.toolCalls());
        if (calls.stream()
                .noneMatch(call -> call.toolCallId().equals(event.toolCallId().toString()))) {
            calls.add(new RunToolCallView(
                    event.toolCallId().toString(),
                    event.step(),
                    event.tool(),
                    event.input(),
                    "requested",
                    null,
                    false));
        }
        runs.update(
                event.runId().value(),
                sequence,
                "tool_calls = cast(:calls as jsonb)",
                new MapSqlParameterSource("calls", Jsonb.write(calls)));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.operation.name", "execute_tool");
        attributes.put("gen_ai.tool.name", event.tool());
        attributes.put("gen_ai.tool.call.id", event.providerCallId());
        attributes.put("orchwiz.tool_call.id", event.toolCallId().toString());
        if (run.sampled()) {
            attributes.put("orchwiz.tool.input", event.input());
        }
        insertSpan(
                run.child(event.spanId(), "execute_tool " + event.tool(), "tool", at, null, attributes, eventId),
                new MapSqlParameterSource()
                        .addValue("tool", event.tool())
                        .addValue("toolCall", event.toolCallId().value()));
    }

    @EventHandler
    void on(RunAwaitingApproval event, @SequenceNumber long sequence) {
        changeCall(
                event.runId().value(),
                sequence,
                event.toolCallId().toString(),
                call -> new RunToolCallView(
                        call.toolCallId(), call.step(), call.tool(), call.input(), "awaiting_approval", null, false),
                calls -> RunState.AWAITING_APPROVAL);
    }

    /** The run stops waiting when the person decides, not when the call's result reaches the model. */
    @EventHandler
    void on(RunApprovalDecided event, @SequenceNumber long sequence) {
        changeCall(
                event.runId().value(),
                sequence,
                event.toolCallId().toString(),
                call -> new RunToolCallView(
                        call.toolCallId(), call.step(), call.tool(), call.input(), event.decision(), null, false),
                RunProjector::waitingOrRunning);
    }

    @EventHandler
    void on(
            RunToolResultReceived event,
            @SequenceNumber long sequence,
            @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        Run run = changeCall(
                event.runId().value(),
                sequence,
                event.toolCallId().toString(),
                call -> new RunToolCallView(
                        call.toolCallId(),
                        call.step(),
                        call.tool(),
                        call.input(),
                        event.status(),
                        event.output(),
                        event.error()),
                RunProjector::waitingOrRunning);
        if (run == null) {
            return;
        }
        Map<String, Object> ended = new LinkedHashMap<>();
        ended.put("orchwiz.tool_call.status", event.status());
        ended.put("error.type", event.error() ? event.status() : null);
        if (run.sampled()) {
            ended.put("orchwiz.tool.output", event.output());
        }
        endSpans(
                event.runId().value(),
                "tool_call_id = :call",
                new MapSqlParameterSource("call", event.toolCallId().value()),
                // Recorded with the next model call: the span ends when the call settled, not when that was recorded.
                new Ending(event.settledAt() == null ? at : event.settledAt(), eventId, ended));
    }

    @EventHandler
    void on(RunCompleted event, DomainEventMessage<?> message) {
        MapSqlParameterSource answer = new MapSqlParameterSource("answer", event.answer());
        end(event.runId().value(), RunState.COMPLETED, "answer = :answer, output = :answer", answer, message, Map.of());
    }

    @EventHandler
    void on(RunFailed event, DomainEventMessage<?> message) {
        MapSqlParameterSource error =
                new MapSqlParameterSource().addValue("code", event.code()).addValue("reason", event.reason());
        Map<String, Object> attributes = Map.of("error.type", event.code());
        end(event.runId().value(), RunState.FAILED, "error_code = :code, error = :reason", error, message, attributes);
    }

    @EventHandler
    void on(RunCancelled event, DomainEventMessage<?> message) {
        MapSqlParameterSource none = new MapSqlParameterSource();
        end(event.runId().value(), RunState.CANCELLED, "answer = answer", none, message, Map.of());
    }

    /** A run waits while any of its calls waits for a person, and runs otherwise. */
    private static RunState waitingOrRunning(List<RunToolCallView> calls) {
        return calls.stream().anyMatch(call -> "awaiting_approval".equals(call.status()))
                ? RunState.AWAITING_APPROVAL
                : RunState.RUNNING;
    }

    /** When and by which event a span ended, and what it adds to the span's attributes. */
    private record Ending(Instant at, String eventId, Map<String, Object> attributes) {}

    /**
     * Ends the run in {@code state} with its own {@code assignments} (bound by {@code parameters}), as of the event
     * {@code ending}, and its spans with the event's {@code attributes}.
     */
    private void end(
            UUID runId,
            RunState state,
            String assignments,
            MapSqlParameterSource parameters,
            DomainEventMessage<?> ending,
            Map<String, Object> attributes) {
        runs.update(
                runId,
                ending.getSequenceNumber(),
                assignments + ", state = :state, ended_at = :end",
                parameters.addValue("state", state.wireName()).addValue("end", Timestamp.from(ending.getTimestamp())));
        Map<String, Object> spanAttributes = new LinkedHashMap<>(attributes);
        spanAttributes.put("orchwiz.run.state", state.wireName());
        MapSqlParameterSource runSpan = endSpans(
                runId,
                "kind = 'run'",
                new MapSqlParameterSource(),
                new Ending(ending.getTimestamp(), ending.getIdentifier(), spanAttributes));
        // Tool calls a finished run never heard back from end with it, so no span stays open forever.
        jdbc.update(
                "update run_span set ended_at = :end where run_id = :run and kind = 'tool' and ended_at is null",
                runSpan);
    }

    /**
     * Ends the run's open spans that {@code which} picks (with its {@code parameters}), adding the ending's attributes
     * and event; answers the parameters, which then also bind {@code :run} and {@code :end}.
     */
    private MapSqlParameterSource endSpans(UUID runId, String which, MapSqlParameterSource parameters, Ending ending) {
        parameters
                .addValue("end", Timestamp.from(ending.at()))
                .addValue("attributes", Jsonb.write(ending.attributes()))
                .addValue("event", Jsonb.write(List.of(ending.eventId())))
                .addValue("run", runId);
        jdbc.update(
                "update run_span set ended_at = :end, attributes = attributes || cast(:attributes as jsonb),"
                        + " event_ids = event_ids || cast(:event as jsonb)"
                        + " where run_id = :run and ended_at is null and " + which,
                parameters);
        return parameters;
    }

    /**
     * Changes one tool call in its run's list and sets the run's state, which {@code state} reads off the changed
     * list; answers the run as it was read, or null for a run this model does not have.
     */
    private Run changeCall(
            UUID runId,
            long sequence,
            String toolCallId,
            UnaryOperator<RunToolCallView> change,
            Function<List<RunToolCallView>, RunState> state) {
        Run run = run(runId);
        if (run == null) {
            return null;
        }
        List<RunToolCallView> calls = new ArrayList<>(run.toolCalls());
        calls.replaceAll(call -> call.toolCallId().equals(toolCallId) ? change.apply(call) : call);
        runs.update(
                runId,
                sequence,
                "state = :state, tool_calls = cast(:calls as jsonb)",
                new MapSqlParameterSource()
                        .addValue("state", state.apply(calls).wireName())
                        .addValue("calls", Jsonb.write(calls)));
        return run;
    }

    /** One span as it is first written; {@code end} is null for a span still open. */
    private record SpanRow(
            String spanId,
            String traceId,
            UUID runId,
            String ownerId,
            String parentSpanId,
            String name,
            String kind,
            Instant start,
            Instant end,
            Map<String, Object> attributes,
            String eventId) {}

    /** Writes a span; {@code usage} holds its typed report columns (model, tool, tokens, cost, tool call). */
    private void insertSpan(SpanRow span, MapSqlParameterSource usage) {
        for (String column : List.of("toolCall", "model", "tool", "inputTokens", "outputTokens", "cost")) {
            if (!usage.hasValue(column)) {
                usage.addValue(column, null);
            }
        }
        jdbc.update(
                """
                insert into run_span (span_id, trace_id, run_id, owner_id, parent_span_id, name, kind, tool_call_id,
                    model, tool, input_tokens, output_tokens, cost, started_at, ended_at, attributes, event_ids)
                values (:span, :trace, :run, :owner, :parent, :name, :kind, :toolCall, :model, :tool, :inputTokens,
                    :outputTokens, :cost, :start, :end, cast(:attributes as jsonb), cast(:events as jsonb))
                on conflict (span_id) do nothing
                """,
                usage.addValue("span", span.spanId())
                        .addValue("trace", span.traceId())
                        .addValue("run", span.runId())
                        .addValue("owner", span.ownerId())
                        .addValue("parent", span.parentSpanId())
                        .addValue("name", span.name())
                        .addValue("kind", span.kind())
                        .addValue("start", timestamp(span.start()))
                        .addValue("end", timestamp(span.end()))
                        .addValue("attributes", Jsonb.write(span.attributes()))
                        .addValue("events", Jsonb.write(List.of(span.eventId()))));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** What the handlers of later events need of the run they belong to. */
    private record Run(
            UUID id, String traceId, String spanId, String ownerId, boolean sampled, List<RunToolCallView> toolCalls) {

        /** A span of this run's trace, under the run's own span. */
        SpanRow child(
                String spanId,
                String name,
                String kind,
                Instant start,
                Instant end,
                Map<String, Object> attributes,
                String eventId) {
            return new SpanRow(spanId, traceId, id, ownerId, this.spanId, name, kind, start, end, attributes, eventId);
        }
    }

    private Run run(UUID id) {
        return jdbc
                .query(
                        "select trace_id, span_id, owner_id, sampled, tool_calls::text as calls from agent_run"
                                + " where id = :id",
                        new MapSqlParameterSource("id", id),
                        (rs, n) -> new Run(
                                id,
                                rs.getString("trace_id"),
                                rs.getString("span_id"),
                                rs.getString("owner_id"),
                                rs.getBoolean("sampled"),
                                Jsonb.read(rs.getString("calls"), TOOL_CALLS)))
                .stream()
                .findFirst()
                .orElse(null);
    }
}
