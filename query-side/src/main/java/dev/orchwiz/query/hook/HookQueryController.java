package dev.orchwiz.query.hook;

import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.query.FindHook;
import dev.orchwiz.api.hook.query.HookDeliveryPage;
import dev.orchwiz.api.hook.query.HookPage;
import dev.orchwiz.api.hook.query.HookView;
import dev.orchwiz.api.hook.query.ListHookDeliveries;
import dev.orchwiz.api.hook.query.ListHooks;
import dev.orchwiz.api.hook.query.ListToolCallDeliveries;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's hooks, each hook's deliveries, and the deliveries one tool call caused (served under the tool call's
 * path, but the hook context's read: the tool call knows nothing of hooks' delivery records).
 */
@RestController
class HookQueryController {

    private final Reads reads;

    HookQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/hooks")
    HookPage list(Actor actor, PageParameters paging) {
        return reads.ask(new ListHooks(actor, paging.page(), paging.size()), HookPage.class);
    }

    @GetMapping("/api/hooks/{id}")
    HookView find(Actor actor, @PathVariable String id) {
        return reads.findByPath(
                id,
                HookId::parse,
                hookId -> new FindHook(actor, hookId),
                HookView.class,
                HookError.NOT_FOUND,
                "No hook ");
    }

    @GetMapping("/api/hooks/{id}/deliveries")
    HookDeliveryPage deliveries(Actor actor, @PathVariable String id, PageParameters paging) {
        return reads.findByPath(
                id,
                HookId::parse,
                hookId -> new ListHookDeliveries(actor, hookId, paging.page(), paging.size()),
                HookDeliveryPage.class,
                HookError.NOT_FOUND,
                "No hook ");
    }

    /** The webhook deliveries a call caused (its PostToolUse and PreToolUse hooks), oldest first. */
    @GetMapping("/api/tool-calls/{id}/deliveries")
    HookDeliveryPage toolCallDeliveries(Actor actor, @PathVariable String id, PageParameters paging) {
        ToolCallId callId = Reads.pathId(id, ToolCallId::parse, ToolCallError.NOT_FOUND, "No tool call ");
        reads.findOr404(
                new FindToolCall(actor, callId), ToolCallView.class, ToolCallError.NOT_FOUND, "No tool call " + id);
        return reads.ask(
                new ListToolCallDeliveries(actor, callId, paging.page(), paging.size()), HookDeliveryPage.class);
    }
}
