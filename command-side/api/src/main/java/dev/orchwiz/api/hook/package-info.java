/** Messages of hooks: PreToolUse and PostToolUse reactions (webhooks or commands) and their deliveries. */
package dev.orchwiz.api.hook;
