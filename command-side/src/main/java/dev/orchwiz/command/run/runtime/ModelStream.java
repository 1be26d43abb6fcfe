package dev.orchwiz.command.run.runtime;

/** Where a runtime sends streamed text, and how it learns that the run was stopped. */
public interface ModelStream {

    /** A piece of the assistant's text as it arrives (any size; the run coalesces). */
    void text(String delta);

    /** True once the run was cancelled: the runtime stops reading and answers what it has. */
    boolean cancelled();
}
