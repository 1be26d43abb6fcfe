package dev.orchwiz.command.observability;

/**
 * A batch Langfuse could not take now, after every attempt, or whose delivery the stopping node interrupted. Thrown
 * out of the processor's unit of work so that its token does not move past events that were never delivered.
 */
class LangfuseUnavailable extends RuntimeException {

    LangfuseUnavailable(String message) {
        super(message);
    }
}
