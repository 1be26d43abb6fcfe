/** What happened in an agent run; together they are its conversation and its trace. */
package dev.orchwiz.api.run.event;
