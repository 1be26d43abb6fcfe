package dev.orchwiz.web;

import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.AbstractNamedValueMethodArgumentResolver;

/**
 * Reads the {@code If-Match} header into every {@link ExpectedVersion} parameter: a quoted version as sent in
 * {@code ETag} (weak or strong), or {@code null} for {@code *} or no header; anything else is the 400
 * {@code INVALID_IF_MATCH} problem. It is an optional named header as Spring's own {@code @RequestHeader} resolver reads
 * one (the same base), and repeated headers are joined with commas as that one joined them into the
 * {@code String} each write read before, so they stay malformed.
 */
class ExpectedVersionResolver extends AbstractNamedValueMethodArgumentResolver {

    private static final NamedValueInfo IF_MATCH = new NamedValueInfo(HttpHeaders.IF_MATCH, false, null);

    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ExpectedVersion.class);
    }

    @Override
    protected NamedValueInfo createNamedValueInfo(MethodParameter parameter) {
        return IF_MATCH;
    }

    @Override
    protected Object resolveName(String name, MethodParameter parameter, NativeWebRequest request) {
        String[] headers = request.getHeaderValues(name);
        return headers == null ? null : expectedVersion(String.join(",", headers));
    }

    private static Long expectedVersion(String header) {
        if (header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(header.trim());
        if (!matcher.matches()) {
            throw new InvalidRequest(
                    RequestError.INVALID_IF_MATCH,
                    "If-Match must be a quoted version as sent in ETag, e.g. \"3\", or *; got " + abbreviate(header));
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
