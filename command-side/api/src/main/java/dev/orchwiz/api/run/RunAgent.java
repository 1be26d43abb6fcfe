package dev.orchwiz.api.run;

import dev.orchwiz.api.id.SubagentId;

/**
 * The subagent a run acts as: its id (so its permission policies decide the run's tool calls), its name and its
 * system prompt as they were when the run started. A run without one is the session's own agent.
 */
public record RunAgent(SubagentId subagentId, String name, String systemPrompt) {}
