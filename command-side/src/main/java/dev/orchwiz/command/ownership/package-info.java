/** How events name their owner, so readers of the raw stream can scope them without loading aggregates. */
package dev.orchwiz.command.ownership;
