/**
 * Runs a shell script as a local child process, jailed by bubblewrap (or, opted out, unconfined) and confined in
 * environment, directory, time, resources and output size.
 */
package dev.orchwiz.command.execution.sandbox;
