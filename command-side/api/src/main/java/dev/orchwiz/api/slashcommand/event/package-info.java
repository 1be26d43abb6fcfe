/** What happened to slash commands. */
package dev.orchwiz.api.slashcommand.event;
