/** The node's key for secrets at rest, and the start-up check that it is the key this database's secrets need. */
package dev.orchwiz.command.secret;
