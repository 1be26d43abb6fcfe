/** Secrets kept at rest (third-party tokens, webhook signing secrets), encrypted with the node's key. */
package dev.orchwiz.command.secret;
