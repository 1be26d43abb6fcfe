package dev.orchwiz.query.toolcall;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.FindAccount;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.query.PathId;
import dev.orchwiz.query.Reads;
import dev.orchwiz.query.events.EventStoreTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A tool call's decision trail: its own events straight from the event store, in order, so what the page shows is
 * exactly what was decided, not a summary of it.
 */
@RestController
class ToolCallTrailController {

    /** A call has a handful of decision events plus its output chunks; this bounds a runaway one. */
    private static final int LIMIT = 5_000;

    private static final PathId<ToolCallId> TOOL_CALL =
            new PathId<>(ToolCallId::parse, ToolCallError.NOT_FOUND, "No tool call ");

    private final Reads reads;
    private final EventStoreTable events;
    private final ObjectMapper json;

    ToolCallTrailController(Reads reads, EventStoreTable events, ObjectMapper json) {
        this.reads = reads;
        this.events = events;
        this.json = json;
    }

    /** {@code payload} is the event as stored; {@code byEmail} names whoever the event's {@code by} account is. */
    record TrailEntry(long sequence, String type, String timestamp, JsonNode payload, String byEmail) {}

    record Trail(List<TrailEntry> items) {}

    @GetMapping("/api/tool-calls/{id}/trail")
    Trail trail(Actor actor, @PathVariable String id) {
        ToolCallId callId = TOOL_CALL.parse(id);
        reads.find(new FindToolCall(actor, callId), ToolCallView.class).orElseThrow(() -> TOOL_CALL.missing(id));
        Map<String, Optional<String>> emails = new HashMap<>();
        List<TrailEntry> entries = events.ofAggregate(callId.toString(), LIMIT).stream()
                .map(event -> {
                    JsonNode payload = json.readTree(event.payloadJson());
                    String by =
                            payload.path("by").isString() ? payload.path("by").asString() : null;
                    return new TrailEntry(
                            event.aggregateVersion(),
                            event.type(),
                            event.timestamp(),
                            payload,
                            by == null
                                    ? null
                                    : emails.computeIfAbsent(by, this::email).orElse(null));
                })
                .toList();
        return new Trail(entries);
    }

    /** People read the trail: an approver or canceller is shown by address, looked up now (it may have changed). */
    private Optional<String> email(String userId) {
        return reads.find(new FindAccount(UserId.of(userId)), Account.class).map(Account::email);
    }
}
