/** Runs a shell script as a local child process, confined in environment, directory, time and output size. */
package dev.orchwiz.command.execution.sandbox;
