package dev.orchwiz.operations;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Where each event processor of this node stands against the head of the event store: what read models and processes
 * still have to read. The read models page and {@code /api/nodes/self} both show it.
 */
@Component
public class ProcessorLags {

    /** One processor: {@code position} is null while a segment is not processed here (so not known); lag is head − position. */
    public record ProcessorLag(String name, Long position, long head, Long lag, boolean replaying, boolean running) {}

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProcessorLags(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Every streaming processor, by name. */
    public List<ProcessorLag> all() {
        long head = head();
        return processing.eventProcessors().keySet().stream()
                .sorted()
                .flatMap(name -> streaming(name).stream().map(processor -> lag(name, processor, head)))
                .toList();
    }

    Optional<StreamingEventProcessor> streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /**
     * The lowest position of the processor's segments, -1 when one is not processed on this node at the moment
     * (released after a failed batch, waiting for its retry, or claimed by another node): its position is not known.
     */
    long position(String name, StreamingEventProcessor processor) {
        var statuses = processor.processingStatus().values();
        int segments = processing.tokenStore(name).fetchSegments(name).length;
        if (statuses.size() < segments) {
            return -1;
        }
        return statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(statuses.isEmpty() ? 0 : -1);
    }

    private ProcessorLag lag(String name, StreamingEventProcessor processor, long head) {
        long position = position(name, processor);
        Long known = position < 0 ? null : position;
        return new ProcessorLag(
                name,
                known,
                head,
                known == null ? null : Math.max(0, head - known),
                processor.isReplaying(),
                processor.isRunning());
    }
}
