package dev.orchwiz.command.web;

import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The version handshake of writes: reads an {@code If-Match} header into the aggregate version a write expects
 * ({@code *} or no header means any), and answers a write with the version it made as {@code ETag}.
 */
public final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private IfMatch() {}

    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
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

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The 201 of a create: where the new thing lives, and its first version as {@code ETag}. */
    public static <T> ResponseEntity<T> created(String location, long version, T body) {
        return ResponseEntity.created(URI.create(location))
                .header(HttpHeaders.ETAG, etag(version))
                .body(body);
    }

    /** The 200 of a revision, with the version it made as {@code ETag}. */
    public static <T> ResponseEntity<T> revised(long version, T body) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, etag(version)).body(body);
    }

    /** {@link #created(String, long, Object)} of a write that answers only what it wrote and its version. */
    public static ResponseEntity<Written> created(String location, Written written) {
        return created(location, written.version(), written);
    }

    /** {@link #revised(long, Object)} of a write that answers only what it wrote and its version. */
    public static ResponseEntity<Written> revised(Written written) {
        return revised(written.version(), written);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
