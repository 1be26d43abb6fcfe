/** The slash commands read model: definitions with their run counts, scoped to what a viewer may see. */
package dev.orchwiz.projection.slashcommand;
