/** The agent-run read models: runs with their conversation, and the spans of their traces. */
package dev.orchwiz.projection.run;
