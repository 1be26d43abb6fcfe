/** Requests that move an agent run from its prompt to its answer. */
package dev.orchwiz.api.run.command;
