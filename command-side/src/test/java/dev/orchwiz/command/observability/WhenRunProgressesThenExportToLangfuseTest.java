package dev.orchwiz.command.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.api.run.event.RunCompleted;
import dev.orchwiz.api.run.event.RunFailed;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import dev.orchwiz.api.run.event.RunToolResultReceived;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.event.SessionModeChanged;
import dev.orchwiz.api.session.event.SessionStarted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Runs reach a fake Langfuse as traces, generations and spans; failures are retried, bounded, and never thrown. */
class WhenRunProgressesThenExportToLangfuseTest {

    private static final String PUBLIC_KEY = "pk-lf-test";
    private static final String SECRET_KEY = "sk-lf-very-secret";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String RUN_SPAN = "00f067aa0ba902b7";
    private static final String MODEL_SPAN = "1111111111111111";
    private static final String TOOL_SPAN = "2222222222222222";
    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    private FakeLangfuse langfuse;
    private EmbeddedEventStore store;
    private MeterRegistry meters;
    private List<Duration> pauses;
    private ListAppender<ILoggingEvent> logs;

    private final RunId runId = RunId.random();
    private final SessionId sessionId = SessionId.random();
    private final ToolCallId toolCallId = ToolCallId.random();
    private long runSequence;

    @BeforeEach
    void start() throws Exception {
        langfuse = new FakeLangfuse();
        store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        meters = new SimpleMeterRegistry();
        pauses = new ArrayList<>();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(LangfuseIngestion.class)).addAppender(logs);
        record("Session", sessionId.toString(), 0, session(SessionMode.AUTO_ACCEPT), "s1", START.minusSeconds(60));
        record(
                "Session",
                sessionId.toString(),
                1,
                new SessionModeChanged(sessionId, SessionMode.AUTO_ACCEPT, SessionMode.PLAN, UserId.of("u1")),
                "s2",
                START.minusSeconds(30));
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(LangfuseIngestion.class)).detachAppender(logs);
        langfuse.close();
        store.shutDown();
    }

    @Test
    void exportsARunAsATraceWithARootSpanAGenerationAndAToolSpan() {
        // given
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);

        // when
        driveWholeRun(exporter, true);

        // then every request authenticates with the project's keys
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((PUBLIC_KEY + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8));
        assertThat(langfuse.requests)
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo(basic));
        assertThat(langfuse.events().stream().map(event -> event.get("type").asText()))
                .containsExactly(
                        "trace-create",
                        "span-create",
                        "generation-create",
                        "span-create",
                        "span-update",
                        "trace-create",
                        "span-update");
        JsonNode trace = body(0);
        assertThat(trace.get("id").asText()).isEqualTo(TRACE_ID);
        assertThat(trace.get("sessionId").asText()).isEqualTo(sessionId.toString());
        assertThat(trace.get("userId").asText()).isEqualTo("owner-1");
        assertThat(trace.get("input").asText()).isEqualTo("list the files");
        assertThat(texts(trace.get("tags")))
                .containsExactly("mode:plan", "runtime:local", "model:local-echo", "node:node-a");
        JsonNode rootSpan = body(1);
        assertThat(rootSpan.get("id").asText()).isEqualTo(RUN_SPAN);
        assertThat(rootSpan.get("traceId").asText()).isEqualTo(TRACE_ID);

        JsonNode generation = body(2);
        assertThat(generation.get("id").asText()).isEqualTo(MODEL_SPAN);
        assertThat(generation.get("traceId").asText()).isEqualTo(TRACE_ID);
        assertThat(generation.get("parentObservationId").asText()).isEqualTo(RUN_SPAN);
        assertThat(generation.get("model").asText()).isEqualTo("local-echo");
        assertThat(generation.get("usage").get("input").asInt()).isEqualTo(120);
        assertThat(generation.get("usage").get("output").asInt()).isEqualTo(30);
        assertThat(generation.get("usage").get("unit").asText()).isEqualTo("TOKENS");
        assertThat(generation.get("costDetails").get("total").asDouble()).isEqualTo(0.0042);
        assertThat(Instant.parse(generation.get("startTime").asText())).isEqualTo(START.plusMillis(10));
        assertThat(Instant.parse(generation.get("endTime").asText())).isEqualTo(START.plusMillis(260));
        assertThat(generation.get("output").get("text").asText()).isEqualTo("I will list them");
        assertThat(generation.get("metadata").get("gen_ai.operation.name").asText())
                .isEqualTo("chat");

        JsonNode toolSpan = body(3);
        assertThat(toolSpan.get("id").asText()).isEqualTo(TOOL_SPAN);
        assertThat(toolSpan.get("parentObservationId").asText()).isEqualTo(RUN_SPAN);
        assertThat(toolSpan.get("name").asText()).isEqualTo("execute_tool Bash");
        assertThat(toolSpan.get("input").get("command").asText()).isEqualTo("ls");
        JsonNode toolEnd = body(4);
        assertThat(toolEnd.get("id").asText()).isEqualTo(TOOL_SPAN);
        assertThat(Instant.parse(toolEnd.get("endTime").asText())).isEqualTo(START.plusMillis(1500));
        assertThat(toolEnd.get("output").asText()).isEqualTo("a.txt");
        assertThat(toolEnd.get("level").asText()).isEqualTo("DEFAULT");

        JsonNode traceEnd = body(5);
        assertThat(traceEnd.get("id").asText()).isEqualTo(TRACE_ID);
        assertThat(traceEnd.get("output").asText()).isEqualTo("Here: a.txt");
        assertThat(traceEnd.get("metadata").get("orchwiz.status").asText()).isEqualTo("completed");
        JsonNode spanEnd = body(6);
        assertThat(spanEnd.get("id").asText()).isEqualTo(RUN_SPAN);
        assertThat(spanEnd.get("statusMessage").asText()).isEqualTo("completed");
        assertThat(sent("sent")).isEqualTo(7);
    }

    @Test
    void anUnsampledRunKeepsTimingUsageAndStatusButNoInputsOrOutputs() {
        // given
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);

        // when
        driveWholeRun(exporter, false);

        // then
        assertThat(langfuse.events()).hasSize(7).allSatisfy(event -> {
            assertThat(event.get("body").has("input")).as(event.toString()).isFalse();
            assertThat(event.get("body").has("output")).as(event.toString()).isFalse();
        });
        assertThat(body(2).get("usage").get("input").asInt()).isEqualTo(120);
        assertThat(body(6).get("statusMessage").asText()).isEqualTo("completed");
    }

    @Test
    void aFailedRunEndsItsSpanWithErrorLevelAndReason() {
        // given
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);
        started(exporter, true);

        // when
        RunFailed failed = new RunFailed(runId, "RUNTIME_TIMEOUT", "the model did not answer in 60 s");
        exporter.on(failed, START.plusSeconds(61), record(failed, START.plusSeconds(61)));

        // then
        JsonNode spanEnd = body(3);
        assertThat(spanEnd.get("level").asText()).isEqualTo("ERROR");
        assertThat(spanEnd.get("statusMessage").asText())
                .isEqualTo("RUNTIME_TIMEOUT: the model did not answer in 60 s");
        assertThat(body(2).get("metadata").get("error.type").asText()).isEqualTo("RUNTIME_TIMEOUT");
    }

    @Test
    void retriesAServerErrorWithBackoffUntilLangfuseTakesTheBatch() {
        // given Langfuse answers 500 twice
        langfuse.then(ids -> FakeLangfuse.status(500)).then(ids -> FakeLangfuse.status(503));
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);

        // when
        started(exporter, true);

        // then the same envelopes went three times, after waiting longer each time
        assertThat(langfuse.requests).hasSize(3);
        assertThat(langfuse.requests.get(2).ids())
                .isEqualTo(langfuse.requests.get(0).ids());
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(sent("sent")).isEqualTo(2);
        assertThat(sent("dropped")).isZero();
    }

    @Test
    void failsTheBatchAfterTheLastAttemptSoItIsSentAgainLaterWithoutLoggingTheKeys() {
        // given Langfuse is down for good
        for (int i = 0; i < 10; i++) {
            langfuse.then(ids -> FakeLangfuse.status(500));
        }
        WhenRunProgressesThenExportToLangfuse exporter = exporter(3);

        // when
        assertThatThrownBy(() -> started(exporter, true))
                .isInstanceOf(LangfuseUnavailable.class)
                .hasMessageContaining("failed after 3 attempt(s)");

        // then three attempts, the events counted as deferred (not dropped), and a warning without secrets
        assertThat(langfuse.requests).hasSize(3);
        assertThat(sent("deferred")).isEqualTo(2);
        assertThat(sent("dropped")).isZero();
        assertThat(logs.list).isNotEmpty().allSatisfy(line -> assertThat(line.getFormattedMessage())
                .doesNotContain(SECRET_KEY)
                .doesNotContain(Base64.getEncoder()
                        .encodeToString((PUBLIC_KEY + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8))));
        assertThat(logs.list.get(0).getFormattedMessage())
                .contains("2 event(s) failed after 3 attempt(s)", "HTTP 500", "sent again later");
    }

    @Test
    void aStoppingNodeInterruptsTheBatchWhichFailsInsteadOfBeingDropped() {
        // given Langfuse fails once and the node stops while the exporter waits to try again
        langfuse.then(ids -> FakeLangfuse.status(503));
        ObservabilityProperties.Langfuse settings = new ObservabilityProperties.Langfuse(
                langfuse.url(), PUBLIC_KEY, SECRET_KEY, 4, Duration.ofMillis(100), Duration.ofSeconds(5));
        LangfuseIngestion ingestion = new LangfuseIngestion(settings, meters, duration -> {
            throw new InterruptedException("stopping");
        });
        WhenRunProgressesThenExportToLangfuse exporter =
                new WhenRunProgressesThenExportToLangfuse(ingestion, new RunHistory(store), "node-a");

        // when
        try {
            assertThatThrownBy(() -> started(exporter, true))
                    .isInstanceOf(LangfuseUnavailable.class)
                    .hasMessageContaining("interrupted after 1 attempt(s)");

            // then nothing more was sent, nothing counted as dropped, and the interrupt is kept for the processor
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(langfuse.requests).hasSize(1);
        assertThat(sent("deferred")).isEqualTo(2);
        assertThat(sent("dropped")).isZero();
    }

    @Test
    void aBatchLangfuseCannotTakeRollsItsUnitOfWorkBack() {
        // given Langfuse is down
        for (int i = 0; i < 10; i++) {
            langfuse.then(ids -> FakeLangfuse.status(502));
        }
        WhenRunProgressesThenExportToLangfuse exporter = exporter(2);
        RunStarted started = runStarted(true);
        String startedId = record(started, START);
        List<String> phases = new ArrayList<>();

        // when the processor's unit of work commits its batch
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(started));
        unitOfWork.onCommit(done -> phases.add("committed"));
        unitOfWork.onRollback(done -> phases.add("rolled back"));
        exporter.on(started, START, startedId);

        // then the commit fails and nothing after the delivery (the token's transaction) commits
        assertThatThrownBy(unitOfWork::commit).isInstanceOf(LangfuseUnavailable.class);
        assertThat(phases).containsExactly("rolled back");
        assertThat(langfuse.requests).hasSize(2);
    }

    @Test
    void anUnauthorizedRequestIsNotRetried() {
        // given wrong keys
        langfuse.then(ids -> FakeLangfuse.status(401));
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);

        // when
        started(exporter, true);

        // then
        assertThat(langfuse.requests).hasSize(1);
        assertThat(sent("dropped")).isEqualTo(2);
    }

    @Test
    void aPartialFailureRetriesOnlyTheEventsLangfuseRefusedForNow() {
        // given a 207 that refuses the span for now (500) and nothing else
        langfuse.then(ids -> FakeLangfuse.multiStatus(ids, Map.of(ids.get(1), 500)));
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);

        // when
        started(exporter, true);

        // then
        assertThat(langfuse.requests).hasSize(2);
        assertThat(langfuse.requests.get(1).ids())
                .containsExactly(langfuse.requests.get(0).ids().get(1));
        assertThat(langfuse.requests.get(1).types()).containsExactly("span-create");
        assertThat(sent("sent")).isEqualTo(2);
    }

    @Test
    void anEventRefusedForGoodIsCountedAndNotRetried() {
        // given a 207 that refuses the trace as invalid
        langfuse.then(ids -> FakeLangfuse.multiStatus(ids, Map.of(ids.get(0), 400)));
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);

        // when
        started(exporter, true);

        // then
        assertThat(langfuse.requests).hasSize(1);
        assertThat(sent("rejected")).isEqualTo(1);
        assertThat(sent("sent")).isEqualTo(1);
    }

    @Test
    void anEventExportedAgainCarriesTheSameEnvelopeIdsSoLangfuseDropsTheCopy() {
        // given
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);
        RunStarted started = runStarted(true);
        String eventId = record(started, START);

        // when the processor sees the event again (a restart before its token was stored)
        exporter.on(started, START, eventId);
        exporter.on(started, START, eventId);

        // then
        assertThat(langfuse.requests).hasSize(2);
        assertThat(langfuse.requests.get(1).ids())
                .isEqualTo(langfuse.requests.get(0).ids());
    }

    @Test
    void theEventsOfOneProcessorBatchGoOutAsOneRequestBeforeItCommits() {
        // given
        WhenRunProgressesThenExportToLangfuse exporter = exporter(4);
        RunStarted started = runStarted(true);
        String startedId = record(started, START);
        RunCompleted completed = new RunCompleted(runId, "done", 1, 1, BigDecimal.ZERO, 1);
        String completedId = record(completed, START.plusSeconds(1));

        // when both are handled in one unit of work
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(started));
        exporter.on(started, START, startedId);
        exporter.on(completed, START.plusSeconds(1), completedId);
        assertThat(langfuse.requests).isEmpty();
        unitOfWork.commit();

        // then
        assertThat(langfuse.requests).hasSize(1);
        assertThat(langfuse.requests.get(0).types())
                .containsExactly("trace-create", "span-create", "trace-create", "span-update");
    }

    @Test
    void withoutKeysThereIsNoExporterAtAll() {
        ApplicationContextRunner node = new ApplicationContextRunner()
                .withUserConfiguration(ObservabilityConfiguration.class, WhenRunProgressesThenExportToLangfuse.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(RunHistory.class, () -> new RunHistory(store))
                .withPropertyValues("orchwiz.observability.langfuse.host=" + langfuse.url());

        node.withPropertyValues(
                        "orchwiz.observability.langfuse.public-key=", "orchwiz.observability.langfuse.secret-key=")
                .run(context -> assertThat(context).doesNotHaveBean(WhenRunProgressesThenExportToLangfuse.class));
        node.withPropertyValues("orchwiz.observability.langfuse.public-key=" + PUBLIC_KEY)
                .run(context -> assertThat(context).doesNotHaveBean(WhenRunProgressesThenExportToLangfuse.class));
        node.withPropertyValues(
                        "orchwiz.observability.langfuse.public-key=" + PUBLIC_KEY,
                        "orchwiz.observability.langfuse.secret-key=" + SECRET_KEY)
                .run(context -> {
                    assertThat(context).hasSingleBean(WhenRunProgressesThenExportToLangfuse.class);
                    assertThat(context.getBean(ObservabilityProperties.class).toString())
                            .doesNotContain(SECRET_KEY);
                });
        assertThat(langfuse.requests).isEmpty();
    }

    private WhenRunProgressesThenExportToLangfuse exporter(int maxAttempts) {
        ObservabilityProperties.Langfuse settings = new ObservabilityProperties.Langfuse(
                langfuse.url(), PUBLIC_KEY, SECRET_KEY, maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(5));
        LangfuseIngestion ingestion = new LangfuseIngestion(settings, meters, pauses::add);
        return new WhenRunProgressesThenExportToLangfuse(ingestion, new RunHistory(store), "node-a");
    }

    private void driveWholeRun(WhenRunProgressesThenExportToLangfuse exporter, boolean sampled) {
        started(exporter, sampled);
        ModelCallCompleted call = new ModelCallCompleted(
                runId,
                1,
                MODEL_SPAN,
                "local",
                "local-echo",
                120,
                30,
                new BigDecimal("0.0042"),
                START.plusMillis(10),
                250,
                "tool_calls",
                "I will list them",
                List.of(new RequestedTool("call_1", "Bash", Map.of("command", "ls"))),
                java.util.List.of());
        exporter.on(call, START.plusMillis(260), record(call, START.plusMillis(260)));
        RunToolCallRequested request =
                new RunToolCallRequested(runId, 1, toolCallId, "call_1", "Bash", Map.of("command", "ls"), TOOL_SPAN);
        exporter.on(request, START.plusSeconds(1), record(request, START.plusSeconds(1)));
        RunToolResultReceived result =
                new RunToolResultReceived(runId, toolCallId, "completed", "a.txt", false, START.plusMillis(1500));
        exporter.on(result, START.plusSeconds(2), record(result, START.plusSeconds(2)));
        RunCompleted completed = new RunCompleted(runId, "Here: a.txt", 150, 40, new BigDecimal("0.005"), 2);
        exporter.on(completed, START.plusSeconds(3), record(completed, START.plusSeconds(3)));
    }

    private void started(WhenRunProgressesThenExportToLangfuse exporter, boolean sampled) {
        RunStarted started = runStarted(sampled);
        exporter.on(started, START, record(started, START));
    }

    private RunStarted runStarted(boolean sampled) {
        return new RunStarted(
                runId,
                sessionId,
                UserId.of("owner-1"),
                TRACE_ID,
                RUN_SPAN,
                "local",
                "local-echo",
                UUID.randomUUID(),
                "list the files",
                "prompt",
                8,
                10_000,
                List.of(),
                sampled,
                UserId.of("owner-1"),
                java.util.Map.of(),
                null,
                null);
    }

    /** Stores the event as the run aggregate would, and answers its id for the handler. */
    private String record(Object payload, Instant at) {
        String eventId = UUID.randomUUID().toString();
        record("AgentRun", runId.toString(), runSequence++, payload, eventId, at);
        return eventId;
    }

    private void record(String type, String aggregateId, long sequence, Object payload, String eventId, Instant at) {
        store.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, Map.of(), eventId, at));
    }

    private SessionStarted session(SessionMode mode) {
        return new SessionStarted(
                sessionId,
                UserId.of("owner-1"),
                "title",
                null,
                null,
                mode,
                SessionSource.WEB,
                null,
                null,
                null,
                Map.of(),
                null,
                UserId.of("owner-1"),
                null,
                null);
    }

    private JsonNode body(int index) {
        return langfuse.events().get(index).get("body");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private double sent(String outcome) {
        return meters.get("orchwiz.langfuse.export.events")
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
