/** How the node's event processors handle events beyond their handlers: what a replayed event carries along. */
package dev.orchwiz.processing;
