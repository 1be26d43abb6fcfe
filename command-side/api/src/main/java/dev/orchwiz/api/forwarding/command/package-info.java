/** Commands of forwarding: node keys made, rotated and revoked; sources registered, disabled and removed. */
package dev.orchwiz.api.forwarding.command;
