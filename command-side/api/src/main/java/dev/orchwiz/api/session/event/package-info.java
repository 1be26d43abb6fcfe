/** What happened to sessions, as stored in the event store; every event names who caused it. */
package dev.orchwiz.api.session.event;
