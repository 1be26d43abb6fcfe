package dev.orchwiz.query.events;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
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

    private final EventLog log;
    private final ObjectMapper json;
    private final ThreadPoolTaskExecutor streams;
    private final Duration heartbeat;

    EventStreamController(
            EventLog log,
            ObjectMapper json,
            @Value("${orchwiz.events.stream.max-clients:200}") int maxClients,
            @Value("${orchwiz.events.stream.heartbeat:PT20S}") Duration heartbeat) {
        this.log = log;
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
            @RequestParam(name = "types", required = false) List<String> types) {
        Set<String> wanted = types(types);
        long resumeAfter = resumePosition(lastEventId, after);
        SseEmitter emitter = new SseEmitter(0L);
        EventStreamSubscription subscription =
                new EventStreamSubscription(emitter, log, json, actor, wanted, resumeAfter, heartbeat);
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

    private static Set<String> types(List<String> raw) {
        if (raw == null) {
            return Set.of();
        }
        Set<String> wanted = raw.stream()
                .flatMap(item -> Arrays.stream(item.split(",")))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
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

    /** -1 means "from now"; a position means "everything after it". */
    private static long resumePosition(String lastEventId, String after) {
        String raw = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        if (raw == null || raw.isBlank()) {
            return -1;
        }
        try {
            long position = Long.parseLong(raw.trim());
            if (position < 0) {
                throw new NumberFormatException("negative");
            }
            return position;
        } catch (NumberFormatException notAPosition) {
            String problem = "must be the id of an event from this stream (a global sequence number)";
            throw new InvalidRequest(
                    RequestError.INVALID_PARAMETER,
                    "Last-Event-ID " + problem,
                    List.of(new FieldProblem("Last-Event-ID", problem)));
        }
    }

    static class StreamCapacityReached extends dev.orchwiz.api.problem.RuleViolation {

        StreamCapacityReached() {
            super(StreamError.CAPACITY_REACHED, "The node serves as many event streams as it is configured for");
        }
    }
}
