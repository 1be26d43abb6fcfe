/** Read-your-writes: how a read waits for the read model to show a write the caller made. */
package dev.orchwiz.api.read;
