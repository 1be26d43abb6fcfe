package dev.orchwiz.api.problem;

/** Failures of the request itself, common to every endpoint. */
public enum RequestError implements ErrorCode {
    VALIDATION_FAILED(ErrorKind.INVALID, "Invalid input"),
    MALFORMED_JSON(ErrorKind.INVALID, "Malformed JSON"),
    INVALID_ENUM_VALUE(ErrorKind.INVALID, "Unknown value"),
    INVALID_PARAMETER(ErrorKind.INVALID, "Invalid parameter"),
    INVALID_IF_MATCH(ErrorKind.INVALID, "Invalid If-Match header"),
    /** A text carries characters no text may (NUL, control characters, unpaired surrogates), or a line break where one line is expected. */
    INVALID_TEXT(ErrorKind.INVALID, "Invalid text");

    private final ErrorKind kind;
    private final String title;

    RequestError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
