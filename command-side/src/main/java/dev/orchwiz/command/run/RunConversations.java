package dev.orchwiz.command.run;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.command.run.runtime.ChatTurn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The conversations of the runs this node drives, so a step reads only the run's events recorded since its last one
 * instead of all of them and the session's transcript again. Events are only ever appended, so reading from the last
 * sequence seen is as exact as reading everything, on any node; a run not cached (evicted, a restart, another node's
 * run) is read whole. Bounded, and idle runs expire: a run waiting half an hour for an approval is read again.
 */
@Component
class RunConversations {

    private final EventStore events;
    private final SessionTranscript transcript;
    private final Cache<RunId, Conversation> conversations;

    RunConversations(
            EventStore events,
            SessionTranscript transcript,
            @Value("${orchwiz.runs.conversation-cache-size:1024}") long size) {
        this.events = events;
        this.transcript = transcript;
        this.conversations = Caffeine.newBuilder()
                .maximumSize(Math.max(0, size))
                .expireAfterAccess(Duration.ofMinutes(30))
                // Evicts on the writing thread: a step is what writes, and a bound is then a bound at once.
                .executor(Runnable::run)
                .build();
    }

    /** The run as its events tell it now. A fresh record each time: settling results into it changes no cache. */
    RunRecord record(RunId run) {
        Conversation known = conversations.getIfPresent(run);
        List<Object> payloads = new ArrayList<>(known == null ? List.of() : known.payloads());
        long last = known == null ? -1 : known.lastSequence();
        DomainEventStream stream = events.readEvents(run.toString(), last + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            payloads.add(message.getPayload());
            last = message.getSequenceNumber();
        }
        if (!payloads.isEmpty()) {
            conversations.put(
                    run, new Conversation(List.copyOf(payloads), last, known == null ? null : known.transcript()));
        }
        return RunRecord.of(payloads);
    }

    /**
     * The session's conversation up to the run's prompt. It cannot change once the prompt is recorded (later turns
     * come after it), so it is read once per cached run.
     */
    List<ChatTurn> transcript(RunStarted started) {
        Conversation known = conversations.getIfPresent(started.runId());
        if (known != null && known.transcript() != null) {
            return known.transcript();
        }
        List<ChatTurn> turns = List.copyOf(transcript.upTo(started.sessionId(), started.promptInteractionId()));
        conversations.asMap().computeIfPresent(started.runId(), (run, conversation) -> conversation.with(turns));
        return turns;
    }

    /** A finished run is not stepped again. */
    void forget(RunId run) {
        conversations.invalidate(run);
    }

    /** How many runs are cached now. */
    long size() {
        conversations.cleanUp();
        return conversations.estimatedSize();
    }

    private record Conversation(List<Object> payloads, long lastSequence, List<ChatTurn> transcript) {

        Conversation with(List<ChatTurn> turns) {
            return new Conversation(payloads, lastSequence, turns);
        }
    }
}
