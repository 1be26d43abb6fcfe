/** Reads and writes Claude Code command, agent and settings files without losing what OrchWiz does not model. */
package dev.orchwiz.command.claudecode;
