/** What happened to subagents. */
package dev.orchwiz.api.subagent.event;
