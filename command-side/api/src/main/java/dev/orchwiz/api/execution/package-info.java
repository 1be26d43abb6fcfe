/** Execution: running an approved tool call as a local child process and the ways a node refuses to. */
package dev.orchwiz.api.execution;
