/** Messages of permission rules and policies: what a tool call may do, in Claude Code's rule syntax. */
package dev.orchwiz.api.permission;
