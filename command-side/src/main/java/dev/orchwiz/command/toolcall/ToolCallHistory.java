package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.event.ToolCallOutputRecorded;
import dev.orchwiz.api.toolcall.event.ToolCallRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads one call's own events from the event store: processes need the request and the output exactly as recorded,
 * and the event store has them the moment they commit, where a read model may still be catching up.
 */
@Component
public class ToolCallHistory {

    private final EventStore events;

    ToolCallHistory(EventStore events) {
        this.events = events;
    }

    public Optional<ToolCallRequested> request(ToolCallId id) {
        DomainEventStream stream = events.readEvents(id.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof ToolCallRequested requested) {
                return Optional.of(requested);
            }
        }
        return Optional.empty();
    }

    public List<ToolCallOutputRecorded> output(ToolCallId id) {
        List<ToolCallOutputRecorded> chunks = new ArrayList<>();
        DomainEventStream stream = events.readEvents(id.toString());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ToolCallOutputRecorded chunk) {
                chunks.add(chunk);
            }
        }
        return chunks;
    }
}
