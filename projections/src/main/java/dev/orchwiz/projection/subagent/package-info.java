/** The subagents read model, with each subagent's permission policies. */
package dev.orchwiz.projection.subagent;
