/** The permission rules read model, written in the events' own transaction because decisions read it. */
package dev.orchwiz.projection.permission;
