/** The realtime stream: domain events from the event store, in global order, resumable by position. */
package dev.orchwiz.query.events;
