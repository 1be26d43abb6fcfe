package dev.orchwiz.api.permission.query;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;

/** The stored rules that can apply to one user's call: theirs for the session and subagent, their user rules, and global ones. */
public record FindApplicableRules(UserId ownerId, SessionId sessionId, SubagentId subagentId) {}
