package dev.orchwiz.command.execution.sandbox;

import java.util.Locale;

/** Which of the child's output streams a chunk came from. */
public enum OutputStream {
    STDOUT,
    STDERR;

    /** The name on the wire and in stored chunks: {@code stdout} or {@code stderr}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
