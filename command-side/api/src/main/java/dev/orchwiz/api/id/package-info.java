/** The typed identifiers every context refers to: the shared kernel that lets contexts name each other without depending on each other. */
package dev.orchwiz.api.id;
