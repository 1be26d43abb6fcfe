/** Messages of slash commands: named scripts a user (or a shared owner) defines and runs as tool calls. */
package dev.orchwiz.api.slashcommand;
