package dev.orchwiz.api.problem;

/** A stable, documented error code. Codes never change meaning; new ones may be added. */
public interface ErrorCode {

    /** The code as clients see it, e.g. {@code SESSION_INVALID_TRANSITION}. */
    String code();

    ErrorKind kind();

    /** A short, human title for the failure. */
    String title();
}
