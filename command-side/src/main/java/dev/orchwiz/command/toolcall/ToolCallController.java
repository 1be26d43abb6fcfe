package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.ApprovalDecision;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import dev.orchwiz.api.toolcall.command.CancelToolCall;
import dev.orchwiz.api.toolcall.command.DecideApproval;
import dev.orchwiz.api.toolcall.command.ToolCallChanged;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.command.web.CommandSender;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Tool calls from runtimes, approval decisions and cancellations; each answers with the call as it now stands, at least
 * at the version the write produced (see {@link ToolCallReads}).
 */
@RestController
class ToolCallController {

    private final ToolCallRequests requests;
    private final ToolCallReads reads;
    private final CommandSender commands;
    private final ObjectMapper json;

    ToolCallController(ToolCallRequests requests, ToolCallReads reads, CommandSender commands, ObjectMapper json) {
        this.requests = requests;
        this.reads = reads;
        this.commands = commands;
        this.json = json;
    }

    /** {@code cwd} anchors relative path rules such as {@code Read(src/**)}; without it they cannot match, so they ask. */
    record RuntimeCall(String tool, Map<String, Object> input, String sessionId, String subagentId, String cwd) {}

    record Decision(ApprovalDecision decision, String comment, String inputHash) {}

    @PostMapping("/api/tool-calls")
    ResponseEntity<ToolCallView> request(Actor actor, @RequestBody RuntimeCall body) {
        if (body.sessionId() == null) {
            throw invalid("sessionId is required: a runtime's call belongs to a session");
        }
        if (json.writeValueAsBytes(body.input() == null ? Map.of() : body.input()).length
                > ToolCallRequests.INPUT_LIMIT_BYTES) {
            throw invalid("input must be at most " + ToolCallRequests.INPUT_LIMIT_BYTES + " bytes of JSON");
        }
        SessionId session =
                SessionId.parse(body.sessionId()).orElseThrow(() -> invalid("sessionId is not a session id"));
        SubagentId subagent = body.subagentId() == null
                ? null
                : SubagentId.parse(body.subagentId()).orElseThrow(() -> invalid("subagentId is not a subagent id"));
        ToolCallChanged written = requests.request(
                actor,
                new ToolCallRequests.Call(
                        ToolCallOrigin.RUNTIME,
                        null,
                        session,
                        subagent,
                        null,
                        null,
                        body.tool(),
                        body.input(),
                        null,
                        workingDirectory(body),
                        false));
        return reads.accepted(actor, written);
    }

    @PostMapping({"/api/tool-calls/{id}/decision", "/api/approvals/{id}"})
    ResponseEntity<ToolCallView> decide(Actor actor, @PathVariable String id, @RequestBody Decision body) {
        ToolCallId callId = toolCallId(id);
        if (body.decision() == null) {
            throw invalid("decision must be approve or deny");
        }
        ToolCallChanged written = commands.send(
                new DecideApproval(callId, actor, body.decision(), body.comment(), body.inputHash()),
                () -> missing(id));
        return reads.afterWrite(actor, written, ResponseEntity.ok());
    }

    @PostMapping({"/api/tool-calls/{id}/cancel", "/api/executions/{id}/cancel"})
    ResponseEntity<ToolCallView> cancel(Actor actor, @PathVariable String id) {
        ToolCallChanged written = commands.send(new CancelToolCall(toolCallId(id), actor), () -> missing(id));
        return reads.afterWrite(actor, written, ResponseEntity.ok());
    }

    private static String workingDirectory(RuntimeCall body) {
        if (body.cwd() != null && !body.cwd().isBlank()) {
            return body.cwd();
        }
        return body.input() != null && body.input().get("cwd") instanceof String cwd ? cwd : null;
    }

    static ToolCallId toolCallId(String id) {
        return ToolCallId.parse(id).orElseThrow(() -> missing(id));
    }

    static ToolCallRefusal missing(String id) {
        return new ToolCallRefusal(ToolCallError.NOT_FOUND, "No tool call " + id);
    }

    private static ToolCallRefusal invalid(String detail) {
        return new ToolCallRefusal(ToolCallError.INVALID_INPUT, detail);
    }
}
