/** How the command side sends commands: the gateway and its retry policy. */
package dev.orchwiz.command.configuration;
