/** Slash commands: named scripts and prompt templates with their owner, sharing and Claude Code frontmatter, and their HTTP endpoints. */
package dev.orchwiz.command.slashcommand;
