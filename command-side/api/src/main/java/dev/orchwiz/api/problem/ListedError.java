package dev.orchwiz.api.problem;

/**
 * An error code that is one constant of a context's error enum. The enum keeps one {@link Definition} per constant and
 * answers it; code, kind and title are read from there, so that an error enum lists its errors and nothing else.
 */
public interface ListedError extends ErrorCode {

    Definition definition();

    @Override
    default String code() {
        return definition().code();
    }

    @Override
    default ErrorKind kind() {
        return definition().kind();
    }

    @Override
    default String title() {
        return definition().title();
    }

    /** The code as clients see it, what kind of failure it is, and its short human title. */
    record Definition(String code, ErrorKind kind, String title) {}
}
