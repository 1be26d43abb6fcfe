/** What happened to a tool call; together they are its decision trail. */
package dev.orchwiz.api.toolcall.event;
