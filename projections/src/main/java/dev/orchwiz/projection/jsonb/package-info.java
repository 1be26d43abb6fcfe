/** How read models keep structured fields in PostgreSQL {@code jsonb} columns. */
package dev.orchwiz.projection.jsonb;
