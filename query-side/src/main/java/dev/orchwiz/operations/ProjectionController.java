package dev.orchwiz.operations;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.RuleViolation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows how far each read model has read the event store and rebuilds one on request: its processor forgets its
 * position, its {@code @ResetHandler} clears its tables, and it replays every event. Admins only.
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** One read model's progress: {@code position} of {@code head} events read, and whether it is replaying. */
    record ProjectionStatus(
            String name,
            int segments,
            long position,
            long head,
            boolean replaying,
            boolean running,
            boolean caughtUp) {}

    @GetMapping
    List<ProjectionStatus> list(Actor actor) {
        assertAdmin(actor);
        long head = head();
        return processing.eventProcessors().keySet().stream()
                .sorted()
                .map(name -> streaming(name).map(processor -> status(name, processor, head)))
                .flatMap(Optional::stream)
                .toList();
    }

    @GetMapping("/{name}")
    ProjectionStatus find(Actor actor, @PathVariable String name) {
        assertAdmin(actor);
        StreamingEventProcessor processor = streaming(name).orElseThrow(() -> new UnknownProjection(name));
        return status(name, processor, head());
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(Actor actor, @PathVariable String name) {
        assertAdmin(actor);
        StreamingEventProcessor processor = streaming(name).orElseThrow(() -> new UnknownProjection(name));
        if (!processor.supportsReset()) {
            throw new UnknownProjection(name);
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(name, processor, head());
    }

    private Optional<StreamingEventProcessor> streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        var statuses = processor.processingStatus().values();
        long position = statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(statuses.isEmpty() ? 0 : -1);
        boolean replaying = processor.isReplaying();
        boolean caughtUp = !replaying
                && !statuses.isEmpty()
                && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && position >= head;
        return new ProjectionStatus(
                name, statuses.size(), Math.max(position, 0), head, replaying, processor.isRunning(), caughtUp);
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            // Hidden, like everything a caller may not see.
            throw new UnknownProjection("");
        }
    }

    enum ProjectionError implements ErrorCode {
        UNKNOWN;

        @Override
        public String code() {
            return "PROJECTION_NOT_FOUND";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.NOT_FOUND;
        }

        @Override
        public String title() {
            return "No such projection";
        }
    }

    static class UnknownProjection extends RuleViolation {

        UnknownProjection(String name) {
            super(ProjectionError.UNKNOWN, "No rebuildable projection named '" + name + "'");
        }
    }
}
