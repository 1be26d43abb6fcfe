/**
 * How the command side sends commands (the gateway, its retry policy and how a command finds its aggregate) and names
 * the threads it starts.
 */
package dev.orchwiz.command.configuration;
