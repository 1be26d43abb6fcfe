/** Events of forwarding; none carries a private key or an api key in plaintext. */
package dev.orchwiz.api.forwarding.event;
