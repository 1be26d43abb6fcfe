/** Forwarding's HTTP edge: this node's identity, the trusted sources, forwarded views, and the inbound endpoint. */
package dev.orchwiz.query.forwarding;
