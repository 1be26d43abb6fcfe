package dev.orchwiz.operations;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.web.PageParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows how far each read model has read the event store and rebuilds one on request: its processor forgets its
 * position, its {@code @ResetHandler} clears its tables, and it replays every event. Events a read model could not
 * apply wait in its dead-letter queue (later events of the same session wait behind them, in order); they are listed
 * here, retried after a fix, or evicted. A read model with dead letters is never reported caught up. Admins only.
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionController {

    private final EventProcessingConfiguration processing;
    private final ProcessorLags lags;

    ProjectionController(EventProcessingConfiguration processing, ProcessorLags lags) {
        this.processing = processing;
        this.lags = lags;
    }

    /** One read model's progress: {@code position} of {@code head} events read, and whether it is replaying. */
    record ProjectionStatus(
            String name,
            int segments,
            long position,
            long head,
            boolean replaying,
            boolean running,
            long deadLetters,
            boolean caughtUp,
            boolean rebuildable) {}

    /** One event a read model could not apply, and why. */
    record DeadLetterView(
            String eventId,
            String sequence,
            String eventType,
            Long aggregateSequence,
            String eventTimestamp,
            String enqueuedAt,
            String lastTouched,
            String causeType,
            String causeMessage) {}

    record DeadLetterPage(List<DeadLetterView> items, int page, int size, long totalItems, int totalPages) {}

    record RetryOutcome(int sequencesTried, long deadLettersLeft, ProjectionStatus status) {}

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
        // The replay meets every parked event again; old letters would only stand in front of it as duplicates.
        processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        processor.resetTokens();
        processor.start();
        return status(name, processor, head());
    }

    @GetMapping("/{name}/dead-letters")
    DeadLetterPage deadLetters(Actor actor, @PathVariable String name, PageParameters paging) {
        assertAdmin(actor);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        List<DeadLetterView> all = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                all.add(view(letter));
            }
        }
        return paging.slice(all, DeadLetterPage::new);
    }

    /** Tries every waiting sequence again, in order; letters that fail again stay, with their new cause. */
    @PostMapping("/{name}/dead-letters/retry")
    RetryOutcome retry(Actor actor, @PathVariable String name) {
        assertAdmin(actor);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(name).orElseThrow(() -> new UnknownProjection(name));
        // Each pass claims one sequence; a sequence that fails again stays claimed for a while, so this ends.
        long sequences = queue.amountOfSequences();
        int tried = 0;
        while (tried < sequences && processor.processAny()) {
            tried++;
        }
        StreamingEventProcessor streaming = streaming(name).orElseThrow(() -> new UnknownProjection(name));
        return new RetryOutcome(tried, queue.size(), status(name, streaming, head()));
    }

    /** Gives up on one event for good: the read model will never apply it (a rebuild would meet it again). */
    @DeleteMapping("/{name}/dead-letters/{eventId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void evict(Actor actor, @PathVariable String name, @PathVariable String eventId) {
        assertAdmin(actor);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.message().getIdentifier().equals(eventId)) {
                    queue.evict(letter);
                    return;
                }
            }
        }
        throw new UnknownDeadLetter(eventId);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        return processing.deadLetterQueue(name).orElseThrow(() -> new UnknownProjection(name));
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long aggregateSequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        String sequence = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        return new DeadLetterView(
                message.getIdentifier(),
                sequence,
                message.getPayloadType().getSimpleName(),
                aggregateSequence,
                String.valueOf(message.getTimestamp()),
                String.valueOf(letter.enqueuedAt()),
                String.valueOf(letter.lastTouched()),
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null));
    }

    private Optional<StreamingEventProcessor> streaming(String name) {
        return lags.streaming(name);
    }

    private long head() {
        return lags.head();
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        var statuses = processor.processingStatus().values();
        // A segment this node does not process at the moment has a position this node cannot see: the read model is
        // not known to be there.
        long position = lags.position(name, processor);
        boolean everySegmentSeen = position >= 0 || statuses.isEmpty();
        boolean replaying = processor.isReplaying();
        long deadLetters = processing
                .deadLetterQueue(name)
                .map(SequencedDeadLetterQueue::size)
                .orElse(0L);
        boolean caughtUp = !replaying
                && everySegmentSeen
                && deadLetters == 0
                && !statuses.isEmpty()
                && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && position >= head;
        return new ProjectionStatus(
                name,
                statuses.size(),
                Math.max(position, 0),
                head,
                replaying,
                processor.isRunning(),
                deadLetters,
                caughtUp,
                processor.supportsReset());
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            // Hidden, like everything a caller may not see.
            throw new UnknownProjection("");
        }
    }

    enum ProjectionError implements ListedError {
        UNKNOWN("PROJECTION_NOT_FOUND", "No such projection"),
        UNKNOWN_DEAD_LETTER("DEAD_LETTER_NOT_FOUND", "No such dead letter");

        private final Definition definition;

        ProjectionError(String code, String title) {
            definition = new Definition(code, ErrorKind.NOT_FOUND, title);
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    static class UnknownDeadLetter extends RuleViolation {

        UnknownDeadLetter(String eventId) {
            super(ProjectionError.UNKNOWN_DEAD_LETTER, "No dead letter for event '" + eventId + "'");
        }
    }

    static class UnknownProjection extends RuleViolation {

        UnknownProjection(String name) {
            super(ProjectionError.UNKNOWN, "No rebuildable projection named '" + name + "'");
        }
    }
}
