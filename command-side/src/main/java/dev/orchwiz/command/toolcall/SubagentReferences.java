package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;

/** Answers whether a caller may name a subagent in a call, a rule or a hook; the subagent context implements it. */
public interface SubagentReferences {

    /** Throws a 404 refusal ({@code SUBAGENT_NOT_FOUND}) for a subagent the caller cannot see or that does not exist. */
    void assertVisible(Actor actor, SubagentId subagentId);
}
