package dev.orchwiz.query.events;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.orchwiz.api.identity.Actor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/** One client's stream: sends released events after its position, filtered and scoped, with heartbeats. */
final class EventStreamSubscription implements Runnable {

    private static final int BATCH = 500;
    private static final Duration WAIT_SLICE = Duration.ofSeconds(1);

    private final SseEmitter emitter;
    private final EventLog log;
    private final ObjectMapper json;
    private final Actor viewer;
    private final Set<String> types;
    private final Duration heartbeat;
    private long position;
    private volatile boolean open = true;

    /** The data of one event frame; the payload is embedded as the JSON it was stored as. */
    record Frame(
            long position,
            String eventId,
            String type,
            String aggregateId,
            long aggregateVersion,
            String timestamp,
            @JsonRawValue String payload) {}

    EventStreamSubscription(
            SseEmitter emitter,
            EventLog log,
            ObjectMapper json,
            Actor viewer,
            Set<String> types,
            long resumeAfter,
            Duration heartbeat) {
        this.emitter = emitter;
        this.log = log;
        this.json = json;
        this.viewer = viewer;
        this.types = types;
        this.heartbeat = heartbeat;
        this.position = resumeAfter;
        emitter.onCompletion(() -> open = false);
        emitter.onTimeout(() -> open = false);
        emitter.onError(failure -> open = false);
    }

    @Override
    public void run() {
        try {
            if (position < 0) {
                position = log.releasedUpTo();
            }
            send(SseEmitter.event()
                    .name("connected")
                    .data(json.writeValueAsString(
                            Map.of("timestamp", Instant.now().toString(), "position", position))));
            long lastWrite = System.nanoTime();
            while (open && !Thread.currentThread().isInterrupted()) {
                List<StoredEvent> events = log.after(position, BATCH, WAIT_SLICE);
                for (StoredEvent event : events) {
                    position = event.position();
                    if (visible(event)) {
                        send(frame(event));
                        lastWrite = System.nanoTime();
                    }
                }
                if (System.nanoTime() - lastWrite >= heartbeat.toNanos()) {
                    send(SseEmitter.event()
                            .name("heartbeat")
                            .data(json.writeValueAsString(
                                    Map.of("timestamp", Instant.now().toString()))));
                    lastWrite = System.nanoTime();
                }
            }
        } catch (IOException | IllegalStateException clientGone) {
            // The client disconnected; nothing to clean up but the emitter.
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
        } finally {
            complete();
        }
    }

    private boolean visible(StoredEvent event) {
        boolean wantedType = types.isEmpty() || types.contains(event.type());
        boolean mayRead = viewer.admin()
                || (event.ownerId() != null
                        && event.ownerId().equals(viewer.id().value()));
        return wantedType && mayRead;
    }

    private SseEmitter.SseEventBuilder frame(StoredEvent event) {
        Frame frame = new Frame(
                event.position(),
                event.eventId(),
                event.type(),
                event.aggregateId(),
                event.aggregateVersion(),
                event.timestamp(),
                event.payloadJson());
        return SseEmitter.event()
                .id(Long.toString(event.position()))
                .name(event.type())
                .data(json.writeValueAsString(frame));
    }

    private void send(SseEmitter.SseEventBuilder event) throws IOException {
        emitter.send(event);
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyClosed) {
            // completing a closed emitter is harmless
        }
    }
}
