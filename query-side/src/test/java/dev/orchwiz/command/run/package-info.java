/** Integration tests of the run process's own steps, in its package to reach what it keeps package-private. */
package dev.orchwiz.command.run;
