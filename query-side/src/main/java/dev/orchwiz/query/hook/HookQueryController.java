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
import dev.orchwiz.query.PathId;
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

    private static final PathId<HookId> HOOK = new PathId<>(HookId::parse, HookError.NOT_FOUND, "No hook ");
    private static final PathId<ToolCallId> TOOL_CALL =
            new PathId<>(ToolCallId::parse, ToolCallError.NOT_FOUND, "No tool call ");

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
        return reads.findByPath(id, HOOK, hookId -> new FindHook(actor, hookId), HookView.class);
    }

    @GetMapping("/api/hooks/{id}/deliveries")
    HookDeliveryPage deliveries(Actor actor, @PathVariable String id, PageParameters paging) {
        return reads.findByPath(
                id,
                HOOK,
                hookId -> new ListHookDeliveries(actor, hookId, paging.page(), paging.size()),
                HookDeliveryPage.class);
    }

    /** The webhook deliveries a call caused (its PostToolUse and PreToolUse hooks), oldest first. */
    @GetMapping("/api/tool-calls/{id}/deliveries")
    HookDeliveryPage toolCallDeliveries(Actor actor, @PathVariable String id, PageParameters paging) {
        ToolCallId callId = TOOL_CALL.parse(id);
        reads.find(new FindToolCall(actor, callId), ToolCallView.class).orElseThrow(() -> TOOL_CALL.missing(id));
        return reads.ask(
                new ListToolCallDeliveries(actor, callId, paging.page(), paging.size()), HookDeliveryPage.class);
    }
}
