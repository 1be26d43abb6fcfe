/** How the command side sends commands (the gateway and its retry policy) and names the threads it starts. */
package dev.orchwiz.command.configuration;
