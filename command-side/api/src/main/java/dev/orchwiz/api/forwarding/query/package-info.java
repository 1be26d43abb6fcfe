/** Queries of forwarding: this node's identity, the trusted sources, and the views folded from forwarded events. */
package dev.orchwiz.api.forwarding.query;
