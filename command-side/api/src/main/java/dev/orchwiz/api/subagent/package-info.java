/** Messages of subagents: named agent definitions (prompt, tools, model) with their permission policies. */
package dev.orchwiz.api.subagent;
