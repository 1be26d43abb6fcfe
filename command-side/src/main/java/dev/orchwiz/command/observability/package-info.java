/** Observability of agent runs: their export to Langfuse and their Micrometer metrics, both driven by run events. */
package dev.orchwiz.command.observability;
