/** Messages of tool calls: one call of a tool by an agent, a slash command run or a hook, from request to decision to run. */
package dev.orchwiz.api.toolcall;
