package dev.orchwiz.web;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.problem.RetryLater;
import dev.orchwiz.api.problem.RuleViolation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become {@code application/problem+json}, each with a stable {@code code}. Unexpected
 * failures answer 500 with an incident id and no internals; the details go to the log under that id.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String TYPE_BASE = "https://orchwiz.dev/problems/";

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> ruleViolated(RuleViolation violation) {
        ErrorCode code = violation.errorCode();
        List<FieldProblem> fields = violation instanceof InvalidRequest invalid ? invalid.fields() : List.of();
        ResponseEntity<Object> answer =
                problem(statusOf(code), code.code(), code.title(), violation.getMessage(), fields);
        if (violation instanceof RetryLater later) {
            return ResponseEntity.status(answer.getStatusCode())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailedRemotely(CommandExecutionException failure) {
        // On Axon Server the aggregate's exception arrives wrapped; its cause may still be the rule violation.
        if (failure.getCause() instanceof RuleViolation violation) {
            return ruleViolated(violation);
        }
        return unexpected(failure);
    }

    /**
     * A query handler's rule violation reaches a controller wrapped: {@code join()} throws a
     * {@link CompletionException}, and the query bus may wrap the handler's exception once more in a
     * {@link QueryExecutionException}. Unwrapped, its code reaches the client instead of a 500.
     */
    @ExceptionHandler({CompletionException.class, QueryExecutionException.class})
    ResponseEntity<Object> queryFailed(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return ruleViolated(violation);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return unexpected(failure);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException conflict) {
        return problem(
                HttpStatus.CONFLICT,
                "CONCURRENT_MODIFICATION",
                "Changed concurrently",
                "Someone else changed this at the same moment; reload and retry",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : String.valueOf(mismatch.getPropertyName());
        String detail = "'" + mismatch.getValue() + "' is not a valid " + name;
        Class<?> type = mismatch.getRequiredType();
        if (type != null && type.isEnum() && WireNamed.class.isAssignableFrom(type)) {
            detail += "; use one of " + allowed(type);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                RequestError.INVALID_PARAMETER.code(),
                RequestError.INVALID_PARAMETER.title(),
                detail,
                List.of(new FieldProblem(name, detail)));
    }

    /**
     * The security firewall checks a header's or parameter's value only when the API reads it, so its refusal can
     * surface here rather than before the request reaches the API; it is the caller's fault either way, answered as
     * the container answers the firewall's other refusals, and never with the refused value.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException refused) {
        log.info("Refused a request whose header or parameter the firewall does not accept");
        return problem(
                HttpStatus.BAD_REQUEST,
                "BAD_REQUEST",
                HttpStatus.BAD_REQUEST.getReasonPhrase(),
                "A header or parameter of the request carries characters the node does not accept (control"
                        + " characters, or anything outside printable ISO-8859-1 in a header), and was refused",
                List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, failure);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Internal error",
                "Something went wrong on the node; quote incident " + incident + " when reporting it",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return problem(
                HttpStatus.BAD_REQUEST,
                RequestError.VALIDATION_FAILED.code(),
                RequestError.VALIDATION_FAILED.title(),
                fields.size() == 1 ? "1 field is invalid" : fields.size() + " fields are invalid",
                fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                HttpStatus.BAD_REQUEST,
                RequestError.VALIDATION_FAILED.code(),
                RequestError.VALIDATION_FAILED.title(),
                "The request is invalid",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                return tooLarge.problem();
            }
        }
        Throwable cause = unreadable.getCause();
        if (cause instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String field = path(format);
            String detail = "'" + format.getValue() + "' is not a valid " + field + "; use one of "
                    + allowed(format.getTargetType());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    RequestError.INVALID_ENUM_VALUE.code(),
                    RequestError.INVALID_ENUM_VALUE.title(),
                    detail,
                    List.of(new FieldProblem(field, detail)));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String detail = "Unknown field '" + unknown.getPropertyName() + "'";
            return problem(
                    HttpStatus.BAD_REQUEST,
                    RequestError.VALIDATION_FAILED.code(),
                    RequestError.VALIDATION_FAILED.title(),
                    detail,
                    List.of(new FieldProblem(unknown.getPropertyName(), "is not a known field")));
        }
        if (cause instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return problem(
                    HttpStatus.BAD_REQUEST,
                    RequestError.VALIDATION_FAILED.code(),
                    RequestError.VALIDATION_FAILED.title(),
                    "Field '" + field + "' has the wrong type",
                    List.of(new FieldProblem(field, "has the wrong type")));
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                RequestError.MALFORMED_JSON.code(),
                RequestError.MALFORMED_JSON.title(),
                "The body is not valid JSON, or is missing",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(
                HttpStatus.BAD_REQUEST,
                RequestError.INVALID_PARAMETER.code(),
                RequestError.INVALID_PARAMETER.title(),
                "Parameter '" + missing.getParameterName() + "' is required",
                List.of(new FieldProblem(missing.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException missing, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "No such endpoint or file", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException unsupported,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "Method not allowed",
                unsupported.getMethod() + " is not supported here",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException unsupported,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "Unsupported media type",
                "Send JSON (Content-Type: application/json)",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException unacceptable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(
                HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "Not acceptable", "This answers in JSON", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Framework failures not mapped above keep Spring's status but still carry a code.
        String code = HttpStatus.resolve(status.value()) == null
                ? "HTTP_" + status.value()
                : HttpStatus.resolve(status.value()).name();
        String detail = body instanceof ProblemDetail problem ? problem.getDetail() : failure.getMessage();
        return problem(
                status,
                code,
                HttpStatus.resolve(status.value()) == null
                        ? "Error"
                        : HttpStatus.resolve(status.value()).getReasonPhrase(),
                detail,
                List.of());
    }

    static ResponseEntity<Object> problem(
            HttpStatusCode status, String code, String title, String detail, List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case RANGE_NOT_AVAILABLE -> HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> allowed(Class<?> enumType) {
        if (WireNamed.class.isAssignableFrom(enumType)) {
            return WireNamed.wireNames((Class) enumType);
        }
        return java.util.Arrays.stream(enumType.getEnumConstants())
                .map(Object::toString)
                .toList();
    }

    private static String path(DatabindException mapping) {
        return mapping.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("body");
    }
}
