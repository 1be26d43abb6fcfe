/** Requests that create, revise, delete subagents and assign their policies. */
package dev.orchwiz.api.subagent.command;
