/** Reads of the hook context: hooks and their deliveries. */
package dev.orchwiz.query.hook;
