/** Messages of agent runs: a prompt answered by a runtime, step by step, traced end to end. */
package dev.orchwiz.api.run;
