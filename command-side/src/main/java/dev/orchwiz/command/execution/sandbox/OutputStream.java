package dev.orchwiz.command.execution.sandbox;

import dev.orchwiz.api.WireNamed;

/** Which of the child's output streams a chunk came from. */
public enum OutputStream implements WireNamed {
    STDOUT,
    STDERR;
}
