package dev.orchwiz.query.events;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.problem.RuleViolation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/** {@code GET /api/events/stream}: domain events as server-sent events, resumable with {@code Last-Event-ID}. */
@RestController
@RequestMapping("/api/events")
class EventStreamController {

    /** Longer than any event type name, here or on another node. */
    private static final int MAX_TYPE_NAME = 200;

    private final EventLog log;
    private final ForwardedEventsTable forwarded;
    private final ObjectMapper json;
    private final ThreadPoolTaskExecutor streams;
    private final Duration heartbeat;

    EventStreamController(
            EventLog log,
            ForwardedEventsTable forwarded,
            ObjectMapper json,
            @Value("${orchwiz.events.stream.max-clients:200}") int maxClients,
            @Value("${orchwiz.events.stream.heartbeat:PT20S}") Duration heartbeat) {
        this.log = log;
        this.forwarded = forwarded;
        this.json = json;
        this.heartbeat = heartbeat;
        this.streams = new ThreadPoolTaskExecutor();
        streams.setThreadNamePrefix("orchwiz-sse-");
        streams.setCorePoolSize(0);
        streams.setMaxPoolSize(maxClients);
        streams.setQueueCapacity(0);
        streams.setWaitForTasksToCompleteOnShutdown(false);
        streams.initialize();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(
            Actor actor,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "types", required = false) List<String> types,
            @RequestParam(name = "source", required = false) String source) {
        StreamSource from = source(actor, source);
        Set<String> wanted = from.forwarded() ? typeNames(types) : types(types);
        StreamCursor resumeAfter = resumePosition(lastEventId, after);
        SseEmitter emitter = new SseEmitter(0L);
        EventStreamSubscription subscription =
                new EventStreamSubscription(emitter, log, forwarded, json, actor, wanted, from, resumeAfter, heartbeat);
        try {
            streams.execute(subscription);
        } catch (RejectedExecutionException full) {
            throw new StreamCapacityReached();
        }
        return ResponseEntity.ok()
                .header("Cache-Control", "no-cache, no-transform")
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /** The event type names a client can filter on. */
    @GetMapping("/types")
    Set<String> types() {
        return new TreeSet<>(EventTypeNames.known());
    }

    /** {@code source}: local (default), all, or one node id; anything but local is for admins (ADR 17). */
    private static StreamSource source(Actor actor, String raw) {
        if (raw != null && (raw.isBlank() || raw.length() > 128 || raw.chars().anyMatch(c -> c < '!' || c > '~'))) {
            String problem = "must be local, all or a node id of 1 to 128 printable characters";
            throw new InvalidRequest(
                    RequestError.INVALID_PARAMETER, "source " + problem, List.of(new FieldProblem("source", problem)));
        }
        StreamSource source = StreamSource.of(raw);
        if (source.forwarded() && !actor.admin()) {
            throw new ForwardedStreamForAdminsOnly();
        }
        return source;
    }

    /**
     * Type names as given: forwarded events carry their origin's names, which this node need not know. A name longer
     * than any event's is refused: dropping it would leave a filter of nothing, a stream of every event.
     */
    private static Set<String> typeNames(List<String> raw) {
        if (raw == null) {
            return Set.of();
        }
        Set<String> names = raw.stream()
                .flatMap(item -> Arrays.stream(item.split(",")))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (names.stream().anyMatch(name -> name.length() > MAX_TYPE_NAME)) {
            String problem = "has a name longer than " + MAX_TYPE_NAME + " characters";
            throw new InvalidRequest(
                    RequestError.INVALID_PARAMETER, "types " + problem, List.of(new FieldProblem("types", problem)));
        }
        return names;
    }

    private static Set<String> types(List<String> raw) {
        Set<String> wanted = typeNames(raw);
        if (wanted.isEmpty()) {
            return wanted;
        }
        Set<String> unknown = new TreeSet<>(wanted);
        unknown.removeAll(EventTypeNames.known());
        if (!unknown.isEmpty()) {
            String problem = "unknown event types " + unknown + "; GET /api/events/types lists the names";
            throw new InvalidRequest(
                    RequestError.INVALID_PARAMETER,
                    "types has " + problem,
                    List.of(new FieldProblem("types", problem)));
        }
        return wanted;
    }

    /** "From now", or after a position ({@code 12}) or a position and a forwarding receipt ({@code 12:7}). */
    private static StreamCursor resumePosition(String lastEventId, String after) {
        String raw = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        if (raw == null || raw.isBlank()) {
            return StreamCursor.NOW;
        }
        return StreamCursor.parse(raw).orElseThrow(() -> {
            String problem =
                    "must be the id of an event from this stream (a global sequence number, or two joined by :)";
            return new InvalidRequest(
                    RequestError.INVALID_PARAMETER,
                    "Last-Event-ID " + problem,
                    List.of(new FieldProblem("Last-Event-ID", problem)));
        });
    }

    /** Forwarded events may carry other organisations' data: only admins see them (ADR 17). */
    static class ForwardedStreamForAdminsOnly extends RuleViolation {

        ForwardedStreamForAdminsOnly() {
            super(ForwardingError.NOT_ADMIN, "Only admins stream what other nodes forwarded");
        }
    }

    static class StreamCapacityReached extends RuleViolation {

        StreamCapacityReached() {
            super(StreamError.CAPACITY_REACHED, "The node serves as many event streams as it is configured for");
        }
    }
}
