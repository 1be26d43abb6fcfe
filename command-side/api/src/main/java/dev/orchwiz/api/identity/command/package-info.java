/** Requests that change users, their credentials and the node's sign-up rules. */
package dev.orchwiz.api.identity.command;
