/** Requests to change a session; each carries the acting principal. */
package dev.orchwiz.api.session.command;
