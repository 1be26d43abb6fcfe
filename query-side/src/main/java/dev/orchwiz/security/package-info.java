/** Sign-in (passkeys, email links, API tokens), sessions, CSRF, rate limits and who the acting user is. */
package dev.orchwiz.security;
