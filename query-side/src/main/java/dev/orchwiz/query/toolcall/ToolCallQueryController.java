package dev.orchwiz.query.toolcall;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.CatchUp;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.query.ApprovalPage;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.ListApprovals;
import dev.orchwiz.api.toolcall.query.ListToolCallOutput;
import dev.orchwiz.api.toolcall.query.ListToolCalls;
import dev.orchwiz.api.toolcall.query.ToolCallOutput;
import dev.orchwiz.api.toolcall.query.ToolCallPage;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.query.PathId;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tool calls, their approvals inbox and output (the hook deliveries a call caused are the hook context's read). {@code /api/executions} and {@code /api/approvals}
 * are the paths of the previous release, kept as aliases for one more (they answer with a {@code Deprecation} header).
 */
@RestController
class ToolCallQueryController {

    private static final Set<String> APPROVAL_STATUSES = Set.of("pending", "decided", "all");
    private static final int OUTPUT_PAGE_LIMIT = 1_000;
    private static final PathId<ToolCallId> TOOL_CALL =
            new PathId<>(ToolCallId::parse, ToolCallError.NOT_FOUND, "No tool call ");
    /** The output's 404 still names the call by its name of the previous release. */
    private static final PathId<ToolCallId> TOOL_CALL_RUN =
            new PathId<>(ToolCallId::parse, ToolCallError.NOT_FOUND, "No run ");

    private final Reads reads;

    ToolCallQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping({"/api/tool-calls", "/api/executions"})
    ToolCallPage list(
            Actor actor,
            @RequestParam(required = false) ToolCallStatus status,
            @RequestParam(required = false) String commandId,
            @RequestParam(required = false) String sessionId,
            @RequestParam(required = false) String parentId,
            PageParameters paging) {
        SlashCommandId command = Reads.optionalId(commandId, SlashCommandId::parse, "commandId");
        SessionId session = Reads.optionalId(sessionId, SessionId::parse, "sessionId");
        ToolCallId parent = Reads.optionalId(parentId, ToolCallId::parse, "parentId");
        return reads.ask(
                new ListToolCalls(actor, status, command, session, parent, paging.page(), paging.size()),
                ToolCallPage.class);
    }

    /**
     * One call. With {@code minVersion} (the {@code version} a tool-call write answered) the answer waits briefly until
     * the read model shows that write, as a session's read does ({@link CatchUp}).
     */
    @GetMapping("/api/tool-calls/{id}")
    ResponseEntity<ToolCallView> find(
            Actor actor, @PathVariable String id, @RequestParam(required = false) Long minVersion) {
        return reads.findCaughtUp(
                id,
                TOOL_CALL,
                callId -> new FindToolCall(actor, callId),
                ToolCallView.class,
                ToolCallView::version,
                minVersion);
    }

    @GetMapping({"/api/tool-calls/approvals", "/api/approvals"})
    ApprovalPage approvals(Actor actor, @RequestParam(defaultValue = "pending") String status, PageParameters paging) {
        if (!APPROVAL_STATUSES.contains(status)) {
            throw Reads.invalid("status", "must be pending, decided or all");
        }
        return reads.ask(new ListApprovals(actor, status, paging.page(), paging.size()), ApprovalPage.class);
    }

    @GetMapping({"/api/tool-calls/{id}/output", "/api/executions/{id}/output"})
    ToolCallOutput output(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "-1") int after,
            @RequestParam(defaultValue = "500") int size) {
        Reads.assertBetweenOneAnd(OUTPUT_PAGE_LIMIT, "size", size);
        return reads.findByPath(
                id, TOOL_CALL_RUN, callId -> new ListToolCallOutput(actor, callId, after, size), ToolCallOutput.class);
    }
}
