/** What happened to hooks and their deliveries. */
package dev.orchwiz.api.hook.event;
