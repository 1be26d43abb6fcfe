package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.toolcall.HookRef;
import java.util.List;

/** The PreToolUse hooks that must answer before a call of this tool goes on; the hook context implements it. */
public interface PreToolUseHooks {

    List<HookRef> matching(Actor actor, String tool, SessionId sessionId, SubagentId subagentId);
}
