package dev.orchwiz.query.events;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;

/** Why an event stream could not be opened. */
enum StreamError implements ErrorCode {
    CAPACITY_REACHED;

    @Override
    public String code() {
        return "STREAM_CAPACITY_REACHED";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAVAILABLE;
    }

    @Override
    public String title() {
        return "Too many event streams";
    }
}
