package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.PermissionRuleId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.permission.command.AddPermissionRule;
import dev.orchwiz.api.permission.command.RemovePermissionRule;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.command.toolcall.PermissionCheck;
import dev.orchwiz.command.toolcall.ToolCallRequests;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.Written;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Rule writes and the simulator that shows which rule decides a call and which lost. */
@RestController
class PermissionController {

    private final CommandSender commands;
    private final ToolCallRequests requests;
    private final RuleEvaluation evaluation;

    PermissionController(CommandSender commands, ToolCallRequests requests, RuleEvaluation evaluation) {
        this.commands = commands;
        this.requests = requests;
        this.evaluation = evaluation;
    }

    record RuleInput(
            @SingleLine String rule, PermissionOutcome outcome, RuleScope scope, String subagentId, String sessionId) {}

    record SimulationInput(String tool, Map<String, Object> input, String sessionId, String subagentId, String cwd) {}

    record Simulation(PermissionOutcome outcome, String reason, RuleRef decidedBy, List<RuleRef> shadowed) {}

    @PostMapping("/api/permissions")
    ResponseEntity<Written> add(Actor actor, @RequestBody RuleInput body) {
        SessionId session = sessionId(body.sessionId());
        SubagentId subagent = subagentId(body.subagentId());
        // The caller must be able to run calls in the session and see the subagent named, whatever the scope.
        requests.assertMayUse(actor, session, subagent);
        PermissionRuleId id = PermissionRuleId.random();
        commands.<Object>send(
                new AddPermissionRule(id, actor, body.rule(), body.outcome(), body.scope(), subagent, session),
                () -> missing(id.toString()));
        return ResponseEntity.created(URI.create("/api/permissions/" + id)).body(Written.of(id, 0));
    }

    @DeleteMapping("/api/permissions/{id}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        PermissionRuleId ruleId = PermissionRuleId.parse(id).orElseThrow(() -> missing(id));
        commands.<Object>send(new RemovePermissionRule(ruleId, actor), () -> missing(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/permissions/simulate")
    Simulation simulate(Actor actor, @RequestBody SimulationInput body) {
        if (body.tool() == null || body.tool().isBlank()) {
            throw new PermissionRefusal(PermissionError.RULE_INVALID, "tool is required");
        }
        SessionId session = sessionId(body.sessionId());
        SubagentId subagent = subagentId(body.subagentId());
        if (session != null) {
            requests.sessionMode(actor, session);
        }
        PermissionCheck.Verdict decision =
                evaluation.decide(body.tool(), body.input(), body.cwd(), requests.candidates(actor, session, subagent));
        return new Simulation(decision.outcome(), decision.reason(), decision.decidedBy(), decision.shadowed());
    }

    private static SessionId sessionId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SessionId.parse(value)
                .orElseThrow(() -> new PermissionRefusal(PermissionError.TARGET_REQUIRED, "sessionId is not an id"));
    }

    private static SubagentId subagentId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SubagentId.parse(value)
                .orElseThrow(() -> new PermissionRefusal(PermissionError.TARGET_REQUIRED, "subagentId is not an id"));
    }

    private static PermissionRefusal missing(String id) {
        return new PermissionRefusal(PermissionError.RULE_NOT_FOUND, "No permission rule " + id);
    }
}
