/** The hooks and hook deliveries read models, written in the events' own transaction because processes read them. */
package dev.orchwiz.projection.hook;
