/** Messages of slash commands: named scripts (run as tool calls) and prompt templates (run by the agent) a user defines. */
package dev.orchwiz.api.slashcommand;
