/** Hooks: PreToolUse and PostToolUse reactions, their matchers, secrets, deliveries and HTTP endpoints. */
package dev.orchwiz.command.hook;
