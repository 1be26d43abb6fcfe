/** Forwarding's read models, and the inbox that verifies and applies what trusted origins send. */
package dev.orchwiz.projection.forwarding;
