/** Sign-in and access tests: email links through a real SMTP peer, passkeys through an authenticator emulator. */
package dev.orchwiz.security;
