package dev.orchwiz.query.toolcall;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.FindAccount;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.query.events.EventStoreTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** {@code payload} is the event as stored; {@code byEmail} names whoever the event's {@code by} account is. */
    record TrailEntry(long sequence, String type, String timestamp, JsonNode payload, String byEmail) {}

    record Trail(List<TrailEntry> items) {}

    @GetMapping("/api/tool-calls/{id}/trail")
    Trail trail(Actor actor, @PathVariable String id) {
        ToolCallId callId = ToolCallId.parse(id).orElseThrow(() -> missing(id));
        queries.query(new FindToolCall(actor, callId), ResponseTypes.optionalInstanceOf(ToolCallView.class))
                .join()
                .orElseThrow(() -> missing(id));
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
        return queries.query(new FindAccount(UserId.of(userId)), ResponseTypes.optionalInstanceOf(Account.class))
                .join()
                .map(Account::email);
    }

    private static RuleViolation missing(String id) {
        return new RuleViolation(ToolCallError.NOT_FOUND, "No tool call " + id) {};
    }
}
