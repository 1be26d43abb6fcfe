/** Requests that define, revise and delete slash commands. */
package dev.orchwiz.api.slashcommand.command;
