package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Reads a tool call right after a write: the read model follows within milliseconds, so a short wait lets a write
 * answer with the call as it now stands instead of an id the client must poll for.
 */
@Component
public class ToolCallReads {

    private static final Duration MAX_WAIT = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(10);

    private final QueryGateway queries;

    ToolCallReads(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<ToolCallView> find(Actor actor, ToolCallId id) {
        return queries.query(new FindToolCall(actor, id), ResponseTypes.optionalInstanceOf(ToolCallView.class))
                .join();
    }

    /** The call once the read model shows it past {@code stale}; the freshest view if that takes too long. */
    public ToolCallView afterWrite(Actor actor, ToolCallId id, Predicate<ToolCallStatus> stale) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        Optional<ToolCallView> view = find(actor, id);
        while ((view.isEmpty() || stale.test(view.get().status())) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
            view = find(actor, id);
        }
        return view.orElseThrow(
                () -> new ToolCallRefusal(dev.orchwiz.api.toolcall.ToolCallError.NOT_FOUND, "No tool call " + id));
    }
}
