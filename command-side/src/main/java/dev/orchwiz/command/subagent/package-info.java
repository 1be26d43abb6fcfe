/** Subagents: agent definitions (prompt, tools, model) with their permission policies, and their HTTP endpoints. */
package dev.orchwiz.command.subagent;
