/** This node's signing identity and the origins it trusts to forward events to it. */
package dev.orchwiz.command.forwarding;
