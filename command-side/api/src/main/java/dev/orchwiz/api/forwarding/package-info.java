/** Messages of forwarding: this node's signing identity, the origins it trusts, and what they forwarded to it. */
package dev.orchwiz.api.forwarding;
