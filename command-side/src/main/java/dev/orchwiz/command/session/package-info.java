/** The session aggregate, its refusals and the HTTP endpoints that send session commands. */
package dev.orchwiz.command.session;
