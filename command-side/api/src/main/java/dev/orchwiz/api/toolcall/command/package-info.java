/** Requests that move a tool call through its decision and run. */
package dev.orchwiz.api.toolcall.command;
