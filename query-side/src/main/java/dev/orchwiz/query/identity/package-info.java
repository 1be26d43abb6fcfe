/** Reads of the identity context: the signed-in user with their passkeys, tokens and GitHub link, and the admin pages. */
package dev.orchwiz.query.identity;
