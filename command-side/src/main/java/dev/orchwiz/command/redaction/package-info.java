/** Redaction of secrets from text and values before anything is stored, streamed, exported or forwarded. */
package dev.orchwiz.command.redaction;
