/** The permission rules and policies read models, written in the events' own transaction because decisions read them. */
package dev.orchwiz.projection.permission;
