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

/**
 * One client's stream: sends released events after its position, filtered and scoped, with heartbeats. A stream that
 * asked for forwarded events (a {@link StreamSource} other than local) also sends what other nodes forwarded, as
 * {@code forwarded} frames, and its frame ids carry both positions ({@code local:receipt}) so one Last-Event-ID
 * resumes both.
 */
final class EventStreamSubscription implements Runnable {

    private static final int BATCH = 500;
    private static final Duration WAIT_SLICE = Duration.ofSeconds(1);

    /** How often a stream that also wants forwarded events looks at the inbox, at most. */
    private static final Duration FORWARDED_POLL = Duration.ofMillis(250);

    private final SseEmitter emitter;
    private final EventLog log;
    private final ObjectMapper json;
    private final Actor viewer;
    private final Set<String> types;
    private final Duration heartbeat;
    private final ForwardedEventsTable forwarded;
    private final StreamSource source;
    private long position;
    private long receipt;
    private volatile boolean open = true;

    /** The data of one event frame; the payload is embedded as the JSON it was stored as. */
    record Frame(
            long position,
            String eventId,
            String type,
            String aggregateId,
            long aggregateVersion,
            String timestamp,
            @JsonRawValue String payload,
            String sourceNodeId) {}

    EventStreamSubscription(
            SseEmitter emitter,
            EventLog log,
            ForwardedEventsTable forwarded,
            ObjectMapper json,
            Actor viewer,
            Set<String> types,
            StreamSource source,
            StreamCursor resumeAfter,
            Duration heartbeat) {
        this.emitter = emitter;
        this.log = log;
        this.forwarded = forwarded;
        this.json = json;
        this.viewer = viewer;
        this.types = types;
        this.source = source;
        this.heartbeat = heartbeat;
        this.position = resumeAfter.local();
        this.receipt = resumeAfter.forwarded();
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
            if (receipt < 0 && source.forwarded()) {
                receipt = forwarded.head();
            }
            send(SseEmitter.event().name("connected").data(json.writeValueAsString(connected())));
            long lastWrite = System.nanoTime();
            long lastForwardedPoll = 0;
            while (open && !Thread.currentThread().isInterrupted()) {
                if (source.local()) {
                    List<StoredEvent> events =
                            log.after(position, BATCH, source.forwarded() ? FORWARDED_POLL : WAIT_SLICE);
                    for (StoredEvent event : events) {
                        position = event.position();
                        if (visible(event)) {
                            send(frame(event));
                            lastWrite = System.nanoTime();
                        }
                    }
                } else {
                    Thread.sleep(FORWARDED_POLL.toMillis());
                }
                if (source.forwarded() && System.nanoTime() - lastForwardedPoll >= FORWARDED_POLL.toNanos()) {
                    lastForwardedPoll = System.nanoTime();
                    for (ForwardedEventsTable.ForwardedFrame event : forwarded.after(receipt, source.origin(), BATCH)) {
                        receipt = event.receipt();
                        if (types.isEmpty() || types.contains(event.type())) {
                            send(SseEmitter.event().id(id()).name("forwarded").data(json.writeValueAsString(event)));
                            lastWrite = System.nanoTime();
                        }
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

    private Map<String, Object> connected() {
        return source.forwarded()
                ? Map.of(
                        "timestamp",
                        Instant.now().toString(),
                        "position",
                        position,
                        "receipt",
                        receipt,
                        "source",
                        source.name())
                : Map.of("timestamp", Instant.now().toString(), "position", position);
    }

    /** A local-only stream keeps plain positions as ids; one with forwarded events names both. */
    private String id() {
        return source.forwarded() ? new StreamCursor(position, receipt).toString() : Long.toString(position);
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
                event.payloadJson(),
                StreamSource.LOCAL);
        return SseEmitter.event().id(id()).name(event.type()).data(json.writeValueAsString(frame));
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
