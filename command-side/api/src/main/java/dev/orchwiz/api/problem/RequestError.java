package dev.orchwiz.api.problem;

/** Failures of the request itself, common to every endpoint. */
public enum RequestError implements ListedError {
    VALIDATION_FAILED(ErrorKind.INVALID, "Invalid input"),
    MALFORMED_JSON(ErrorKind.INVALID, "Malformed JSON"),
    INVALID_ENUM_VALUE(ErrorKind.INVALID, "Unknown value"),
    INVALID_PARAMETER(ErrorKind.INVALID, "Invalid parameter"),
    INVALID_IF_MATCH(ErrorKind.INVALID, "Invalid If-Match header"),
    /** A text carries characters no text may (NUL, control characters, unpaired surrogates), or a line break where one line is expected. */
    INVALID_TEXT(ErrorKind.INVALID, "Invalid text");

    private final Definition definition;

    RequestError(ErrorKind kind, String title) {
        definition = new Definition(name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
