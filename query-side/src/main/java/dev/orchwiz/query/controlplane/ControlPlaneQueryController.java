package dev.orchwiz.query.controlplane;

import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.hook.query.FindHook;
import dev.orchwiz.api.hook.query.HookDeliveryPage;
import dev.orchwiz.api.hook.query.HookPage;
import dev.orchwiz.api.hook.query.HookView;
import dev.orchwiz.api.hook.query.ListHookDeliveries;
import dev.orchwiz.api.hook.query.ListHooks;
import dev.orchwiz.api.hook.query.ListToolCallDeliveries;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.permission.query.ListPermissionRules;
import dev.orchwiz.api.permission.query.PermissionRulePage;
import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.session.SessionId;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.SlashCommandId;
import dev.orchwiz.api.slashcommand.query.FindSlashCommand;
import dev.orchwiz.api.slashcommand.query.ListSlashCommands;
import dev.orchwiz.api.slashcommand.query.SlashCommandDetail;
import dev.orchwiz.api.slashcommand.query.SlashCommandPage;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.SubagentId;
import dev.orchwiz.api.subagent.query.FindSubagent;
import dev.orchwiz.api.subagent.query.ListSubagents;
import dev.orchwiz.api.subagent.query.SubagentPage;
import dev.orchwiz.api.subagent.query.SubagentView;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.ToolCallId;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.query.ApprovalPage;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.ListApprovals;
import dev.orchwiz.api.toolcall.query.ListToolCallOutput;
import dev.orchwiz.api.toolcall.query.ListToolCalls;
import dev.orchwiz.api.toolcall.query.ToolCallOutput;
import dev.orchwiz.api.toolcall.query.ToolCallPage;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.web.PageParameters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every list pages; every single read answers 404 for what is missing and for what is someone else's. */
@RestController
class ControlPlaneQueryController {

    private static final Set<String> APPROVAL_STATUSES = Set.of("pending", "decided", "all");
    private static final int OUTPUT_PAGE_LIMIT = 1_000;

    private final QueryGateway queries;

    ControlPlaneQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/commands")
    SlashCommandPage commands(
            Actor actor,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) Boolean shared,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        if (text != null && text.length() > 200) {
            throw invalid("q", "must be at most 200 characters");
        }
        return ask(new ListSlashCommands(actor, text, shared, mine, page, size), SlashCommandPage.class);
    }

    @GetMapping("/api/commands/{id}")
    SlashCommandDetail command(Actor actor, @PathVariable String id) {
        SlashCommandId commandId = parse(id, SlashCommandId::parse, SlashCommandError.NOT_FOUND, "No slash command ");
        return find(new FindSlashCommand(actor, commandId), SlashCommandDetail.class)
                .orElseThrow(() -> missing(SlashCommandError.NOT_FOUND, "No slash command " + id));
    }

    @GetMapping("/api/permissions")
    PermissionRulePage rules(
            Actor actor,
            @RequestParam(required = false) RuleScope scope,
            @RequestParam(required = false) PermissionOutcome outcome,
            @RequestParam(required = false) String subagentId,
            @RequestParam(required = false) String sessionId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageParameters.assertValid(page, size);
        SubagentId subagent = optionalId(subagentId, SubagentId::parse, "subagentId");
        SessionId session = optionalId(sessionId, SessionId::parse, "sessionId");
        return ask(
                new ListPermissionRules(actor, scope, outcome, subagent, session, page, size),
                PermissionRulePage.class);
    }

    @GetMapping("/api/tool-calls/{id}")
    ToolCallView toolCall(Actor actor, @PathVariable String id) {
        ToolCallId callId = parse(id, ToolCallId::parse, ToolCallError.NOT_FOUND, "No tool call ");
        return find(new FindToolCall(actor, callId), ToolCallView.class)
                .orElseThrow(() -> missing(ToolCallError.NOT_FOUND, "No tool call " + id));
    }

    @GetMapping("/api/approvals")
    ApprovalPage approvals(
            Actor actor,
            @RequestParam(defaultValue = "pending") String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        if (!APPROVAL_STATUSES.contains(status)) {
            throw invalid("status", "must be pending, decided or all");
        }
        return ask(new ListApprovals(actor, status, page, size), ApprovalPage.class);
    }

    @GetMapping("/api/executions")
    ToolCallPage executions(
            Actor actor,
            @RequestParam(required = false) ToolCallStatus status,
            @RequestParam(required = false) String commandId,
            @RequestParam(required = false) String sessionId,
            @RequestParam(required = false) String parentId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        SlashCommandId command = optionalId(commandId, SlashCommandId::parse, "commandId");
        SessionId session = optionalId(sessionId, SessionId::parse, "sessionId");
        ToolCallId parent = optionalId(parentId, ToolCallId::parse, "parentId");
        return ask(new ListToolCalls(actor, status, command, session, parent, page, size), ToolCallPage.class);
    }

    /** The webhook deliveries a call caused (its PostToolUse and PreToolUse hooks), oldest first. */
    @GetMapping("/api/tool-calls/{id}/deliveries")
    HookDeliveryPage toolCallDeliveries(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        ToolCallId callId = parse(id, ToolCallId::parse, ToolCallError.NOT_FOUND, "No tool call ");
        find(new FindToolCall(actor, callId), ToolCallView.class)
                .orElseThrow(() -> missing(ToolCallError.NOT_FOUND, "No tool call " + id));
        return ask(new ListToolCallDeliveries(actor, callId, page, size), HookDeliveryPage.class);
    }

    @GetMapping("/api/executions/{id}/output")
    ToolCallOutput output(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "-1") int after,
            @RequestParam(defaultValue = "500") int size) {
        if (size < 1 || size > OUTPUT_PAGE_LIMIT) {
            throw invalid("size", "must be 1-" + OUTPUT_PAGE_LIMIT);
        }
        ToolCallId callId = parse(id, ToolCallId::parse, ToolCallError.NOT_FOUND, "No run ");
        return find(new ListToolCallOutput(actor, callId, after, size), ToolCallOutput.class)
                .orElseThrow(() -> missing(ToolCallError.NOT_FOUND, "No run " + id));
    }

    @GetMapping("/api/hooks")
    HookPage hooks(
            Actor actor, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        return ask(new ListHooks(actor, page, size), HookPage.class);
    }

    @GetMapping("/api/hooks/{id}")
    HookView hook(Actor actor, @PathVariable String id) {
        HookId hookId = parse(id, HookId::parse, HookError.NOT_FOUND, "No hook ");
        return find(new FindHook(actor, hookId), HookView.class)
                .orElseThrow(() -> missing(HookError.NOT_FOUND, "No hook " + id));
    }

    @GetMapping("/api/hooks/{id}/deliveries")
    HookDeliveryPage deliveries(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        HookId hookId = parse(id, HookId::parse, HookError.NOT_FOUND, "No hook ");
        return find(new ListHookDeliveries(actor, hookId, page, size), HookDeliveryPage.class)
                .orElseThrow(() -> missing(HookError.NOT_FOUND, "No hook " + id));
    }

    @GetMapping("/api/subagents")
    SubagentPage subagents(
            Actor actor,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        if (text != null && text.length() > 200) {
            throw invalid("q", "must be at most 200 characters");
        }
        return ask(new ListSubagents(actor, text, page, size), SubagentPage.class);
    }

    @GetMapping("/api/subagents/{id}")
    SubagentView subagent(Actor actor, @PathVariable String id) {
        SubagentId subagentId = parse(id, SubagentId::parse, SubagentError.NOT_FOUND, "No subagent ");
        return find(new FindSubagent(actor, subagentId), SubagentView.class)
                .orElseThrow(() -> missing(SubagentError.NOT_FOUND, "No subagent " + id));
    }

    private <R> R ask(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    private <R> Optional<R> find(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    private static <I> I parse(String id, Function<String, Optional<I>> parser, ErrorCode missing, String prefix) {
        return parser.apply(id).orElseThrow(() -> missing(missing, prefix + id));
    }

    static RuleViolation missing(ErrorCode code, String detail) {
        return new RuleViolation(code, detail) {};
    }

    /** An optional id filter: absent is null, present must parse, else a 400 naming the parameter. */
    private static <I> I optionalId(String value, Function<String, Optional<I>> parser, String field) {
        return value == null ? null : parser.apply(value).orElseThrow(() -> invalid(field, "is not an id"));
    }

    private static InvalidRequest invalid(String field, String problem) {
        return new InvalidRequest(
                RequestError.INVALID_PARAMETER, field + " " + problem, List.of(new FieldProblem(field, problem)));
    }
}
