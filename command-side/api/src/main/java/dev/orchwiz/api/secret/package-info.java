/** Encryption of secrets at rest with the node's key, shared by the sides that keep secrets (no framework inside). */
package dev.orchwiz.api.secret;
