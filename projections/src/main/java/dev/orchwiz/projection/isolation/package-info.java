/** Keeps one event's failure in a projector from undoing the others handled in the same transaction. */
package dev.orchwiz.projection.isolation;
