package dev.orchwiz.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * What a refusal made by the container (Tomcat, the security firewall, the servlet API) says: the status's name as its
 * stable code, the same scheme {@link ProblemResponses} uses for framework failures it has no name of its own for, and
 * a fixed detail that never echoes the request.
 */
record ContainerProblem(String code, String title, String detail) {

    static final String TYPE_BASE = "https://orchwiz.dev/problems/";

    static ContainerProblem of(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return new ContainerProblem("HTTP_" + status, "Error", "The request was refused");
        }
        return switch (known) {
            case BAD_REQUEST ->
                new ContainerProblem(
                        "BAD_REQUEST",
                        known.getReasonPhrase(),
                        "The request is malformed (a control character, an encoded slash or bad percent-encoding in the"
                                + " path, an unparsable request line) or over the node's size limits, and was refused"
                                + " before reaching the API");
            case NOT_FOUND -> new ContainerProblem("NOT_FOUND", "Not found", "No such endpoint or file");
            case METHOD_NOT_ALLOWED ->
                new ContainerProblem("METHOD_NOT_ALLOWED", "Method not allowed", "This method is not supported here");
            case NOT_IMPLEMENTED ->
                new ContainerProblem(
                        "NOT_IMPLEMENTED", known.getReasonPhrase(), "This method is not supported by the node");
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE ->
                new ContainerProblem(
                        known.name(),
                        known.getReasonPhrase(),
                        "The request line or its headers are over the node's limit");
            case INTERNAL_SERVER_ERROR ->
                new ContainerProblem("INTERNAL_ERROR", "Internal error", "Something went wrong on the node");
            default -> new ContainerProblem(known.name(), known.getReasonPhrase(), known.getReasonPhrase());
        };
    }

    String type() {
        return TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
