/** The outbound side of forwarding: one outbox per peer sends this node's events as signed batches, at least once. */
package dev.orchwiz.command.forwarding.outbound;
