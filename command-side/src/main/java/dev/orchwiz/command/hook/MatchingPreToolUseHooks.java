package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.hook.query.FindMatchingHooks;
import dev.orchwiz.api.hook.query.MatchingHooks;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.command.toolcall.PreToolUseHooks;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** The caller's active PreToolUse hooks whose matcher takes the tool, as the tool call records them. */
@Component
class MatchingPreToolUseHooks implements PreToolUseHooks {

    private final QueryGateway queries;

    MatchingPreToolUseHooks(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<HookRef> matching(Actor actor, String tool, SessionId sessionId, SubagentId subagentId) {
        MatchingHooks hooks = queries.query(
                        new FindMatchingHooks(actor.id(), HookEventName.PRE_TOOL_USE, tool, sessionId, subagentId),
                        ResponseTypes.instanceOf(MatchingHooks.class))
                .join();
        return hooks.hooks().stream()
                .filter(hook -> HookMatcher.matches(hook.matcher(), tool))
                .map(hook -> new HookRef(hook.id(), hook.name(), HookFailurePolicy.orDefault(hook.onFailure())))
                .toList();
    }
}
