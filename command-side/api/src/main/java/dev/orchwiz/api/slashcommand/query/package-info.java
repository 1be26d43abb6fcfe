/** Questions about slash commands and their answers. */
package dev.orchwiz.api.slashcommand.query;
