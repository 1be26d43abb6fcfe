/** The pure permission-rule engine: Claude Code rule syntax, matching a tool call, and deciding among scopes. */
package dev.orchwiz.command.permission;
