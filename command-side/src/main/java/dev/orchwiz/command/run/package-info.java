/** Agent runs: a prompt answered by a runtime, its tool calls decided by the control plane, traced. */
package dev.orchwiz.command.run;
