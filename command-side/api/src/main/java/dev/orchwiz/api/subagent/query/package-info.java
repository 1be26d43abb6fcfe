/** Questions about subagents and their answers. */
package dev.orchwiz.api.subagent.query;
