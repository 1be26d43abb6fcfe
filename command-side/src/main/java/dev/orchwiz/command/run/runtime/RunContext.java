package dev.orchwiz.command.run.runtime;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;

/**
 * The OrchWiz run a model call belongs to: a runtime that asks on its own (a gateway's exec approvals) needs it to
 * decide in the right session on behalf of the right person. Runtimes that only answer ignore it.
 */
public record RunContext(RunId runId, SessionId sessionId, UserId ownerId) {}
