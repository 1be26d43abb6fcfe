package dev.orchwiz.command.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.ToolResult;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import dev.orchwiz.api.run.event.RunToolResultReceived;
import dev.orchwiz.command.run.runtime.ChatTurn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run's conversation is read whole once, then only what was recorded since; a run not cached is read whole. */
class RunConversationsTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    /** Which sequence each read of the run's events started from. */
    private final List<Long> readsFrom = new ArrayList<>();

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine() {
                @Override
                public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                    if (aggregateIdentifier.equals(run.toString())) {
                        readsFrom.add(firstSequenceNumber);
                    }
                    return super.readEvents(aggregateIdentifier, firstSequenceNumber);
                }
            })
            .build();

    private final RunId run = RunId.random();
    private final SessionId session = SessionId.random();
    private final ToolCallId call = ToolCallId.random();
    private int transcriptReads;
    private long sequence;

    private final SessionTranscript transcript = new SessionTranscript(store) {
        @Override
        List<ChatTurn> upTo(SessionId sessionId, UUID upTo) {
            transcriptReads++;
            return List.of(ChatTurn.user("hi"));
        }
    };

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void readsOnlyTheEventsRecordedSinceTheLastStepAndTheTranscriptOnce() {
        // given
        RunConversations conversations = new RunConversations(store, transcript, 1024);
        append(started(), modelCall(1), requested());
        RunRecord first = conversations.record(run);
        conversations.transcript(first.started());
        // when
        append(new RunToolResultReceived(run, call, "completed", "a.txt", false, AT));
        RunRecord second = conversations.record(run);
        conversations.transcript(second.started());
        // then
        assertThat(readsFrom).containsExactly(0L, 3L);
        assertThat(transcriptReads).isEqualTo(1);
        assertThat(first.waitingForTools()).isTrue();
        assertThat(second.waitingForTools()).isFalse();
        assertThat(second.turns()).hasSize(2);
    }

    @Test
    void settlingResultsIntoARecordLeavesTheCachedConversationAsRecorded() {
        // given
        RunConversations conversations = new RunConversations(store, transcript, 1024);
        append(started(), modelCall(1), requested());
        // when
        RunRecord stepping = conversations.record(run);
        stepping.settle(List.of(new ToolResult(call, "completed", "a.txt", false, AT)));
        RunRecord again = conversations.record(run);
        // then
        assertThat(stepping.waitingForTools()).isFalse();
        assertThat(again.waitingForTools()).isTrue();
        assertThat(again.turns()).hasSize(1);
    }

    @Test
    void aRunNotCachedIsReadWhole() {
        // given
        RunConversations conversations = new RunConversations(store, transcript, 0);
        append(started(), modelCall(1), requested());
        // when
        RunRecord first = conversations.record(run);
        conversations.transcript(first.started());
        RunRecord second = conversations.record(run);
        conversations.transcript(second.started());
        // then
        assertThat(readsFrom).containsExactly(0L, 0L);
        assertThat(transcriptReads).isEqualTo(2);
        assertThat(second.steps()).isEqualTo(1);
        assertThat(second.waitingForTools()).isTrue();
    }

    @Test
    void aForgottenRunIsReadWholeAgain() {
        // given
        RunConversations conversations = new RunConversations(store, transcript, 1024);
        append(started(), modelCall(1));
        conversations.record(run);
        // when
        conversations.forget(run);
        RunRecord again = conversations.record(run);
        // then
        assertThat(readsFrom).containsExactly(0L, 0L);
        assertThat(again.steps()).isEqualTo(1);
        assertThat(conversations.size()).isEqualTo(1);
    }

    private void append(Object... payloads) {
        for (Object payload : payloads) {
            store.publish(new GenericDomainEventMessage<>("AgentRun", run.toString(), sequence++, payload));
        }
    }

    private RunStarted started() {
        return new RunStarted(
                run,
                session,
                UserId.of("ada"),
                "0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331",
                "local",
                "local-echo",
                UUID.randomUUID(),
                "hi",
                "prompt",
                20,
                200_000,
                List.of(),
                true,
                UserId.of("ada"),
                Map.of(),
                List.of(),
                null);
    }

    private ModelCallCompleted modelCall(int step) {
        return new ModelCallCompleted(
                run,
                step,
                "span" + step,
                "local",
                "local-echo",
                10,
                1,
                BigDecimal.ZERO,
                AT,
                3,
                "tool_calls",
                "listing",
                List.of(new RequestedTool("p1", "Bash", Map.of("command", "ls"))),
                List.of());
    }

    private RunToolCallRequested requested() {
        return new RunToolCallRequested(run, 1, call, "p1", "Bash", Map.of("command", "ls"), "span-tool");
    }
}
