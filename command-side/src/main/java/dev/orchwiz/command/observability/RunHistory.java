package dev.orchwiz.command.observability;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.event.SessionModeChanged;
import dev.orchwiz.api.session.event.SessionStarted;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * What a later run event does not repeat, read back from the run's own events: its trace id, runtime and sampling
 * (from {@link RunStarted}) and the span of a tool call. The event store has them the moment they commit, survives a
 * restart (an in-memory map would not), and a read model may still be catching up. Started runs are cached because
 * every event of a run asks.
 */
@Component
class RunHistory {

    private static final int CACHED_RUNS = 1024;

    private final EventStore events;
    private final Map<RunId, RunStarted> started = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RunId, RunStarted> eldest) {
            return size() > CACHED_RUNS;
        }
    };

    RunHistory(EventStore events) {
        this.events = events;
    }

    Optional<RunStarted> started(RunId runId) {
        synchronized (started) {
            RunStarted cached = started.get(runId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<RunStarted> found = first(runId.toString(), RunStarted.class);
        found.ifPresent(run -> {
            synchronized (started) {
                started.put(runId, run);
            }
        });
        return found;
    }

    /** The span id the run gave the tool call when it asked for it. */
    Optional<String> toolSpanId(RunId runId, ToolCallId toolCallId) {
        DomainEventStream stream = events.readEvents(runId.toString());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof RunToolCallRequested requested
                    && toolCallId.equals(requested.toolCallId())) {
                return Optional.of(requested.spanId());
            }
        }
        return Optional.empty();
    }

    /** The session's mode as it was at {@code at}: the run's tags say the mode it ran in, not today's. */
    Optional<SessionMode> sessionMode(SessionId sessionId, Instant at) {
        SessionMode mode = null;
        DomainEventStream stream = events.readEvents(sessionId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(at)) {
                break;
            }
            if (message.getPayload() instanceof SessionStarted sessionStarted) {
                mode = sessionStarted.mode();
            } else if (message.getPayload() instanceof SessionModeChanged changed) {
                mode = changed.to();
            }
        }
        return Optional.ofNullable(mode);
    }

    private <T> Optional<T> first(String aggregateId, Class<T> type) {
        DomainEventStream stream = events.readEvents(aggregateId);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (type.isInstance(payload)) {
                return Optional.of(type.cast(payload));
            }
        }
        return Optional.empty();
    }
}
