package dev.orchwiz.query.events;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.ToolCallId;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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

    private final QueryGateway queries;
    private final EventStoreTable events;
    private final ObjectMapper json;

    ToolCallTrailController(QueryGateway queries, EventStoreTable events, ObjectMapper json) {
        this.queries = queries;
        this.events = events;
        this.json = json;
    }

    record TrailEntry(long sequence, String type, String timestamp, JsonNode data) {}

    record Trail(List<TrailEntry> items) {}

    @GetMapping("/api/tool-calls/{id}/trail")
    Trail trail(Actor actor, @PathVariable String id) {
        ToolCallId callId = ToolCallId.parse(id).orElseThrow(() -> missing(id));
        queries.query(new FindToolCall(actor, callId), ResponseTypes.optionalInstanceOf(ToolCallView.class))
                .join()
                .orElseThrow(() -> missing(id));
        List<TrailEntry> entries = events.ofAggregate(callId.toString(), LIMIT).stream()
                .map(event -> new TrailEntry(
                        event.aggregateVersion(), event.type(), event.timestamp(), json.readTree(event.payloadJson())))
                .toList();
        return new Trail(entries);
    }

    private static RuleViolation missing(String id) {
        return new RuleViolation(ToolCallError.NOT_FOUND, "No tool call " + id) {};
    }
}
