/** Reads of the slash-command context. */
package dev.orchwiz.query.slashcommand;
