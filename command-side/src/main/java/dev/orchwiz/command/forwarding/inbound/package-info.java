/** The inbound side of forwarding: verifies what origins send and applies it once, in one JDBC transaction. */
package dev.orchwiz.command.forwarding.inbound;
