/** Running approved tool calls: the node's execution settings and the process that drives the sandbox. */
package dev.orchwiz.command.execution;
