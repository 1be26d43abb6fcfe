/** Requests that register, revise, remove hooks and drive their deliveries. */
package dev.orchwiz.api.hook.command;
