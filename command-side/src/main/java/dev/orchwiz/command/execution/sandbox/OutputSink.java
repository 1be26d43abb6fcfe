package dev.orchwiz.command.execution.sandbox;

/**
 * Receives a run's output as it happens. The sandbox calls it from its own threads but never concurrently, so an
 * implementation needs no locking of its own; it should return quickly, because a slow sink slows the child down.
 */
public interface OutputSink {

    /**
     * One piece of output, never splitting a UTF-8 character.
     *
     * @param sequence 0, 1, 2… across both streams in emission order, without gaps
     */
    void chunk(OutputStream stream, int sequence, String text);

    /**
     * Called once, when the output cap is first exceeded, after every kept chunk; everything later is dropped.
     *
     * @param keptBytes the child's bytes sent in chunks: at most the cap, less when the cap fell inside a character
     */
    void truncated(long keptBytes);
}
