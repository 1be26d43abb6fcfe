package dev.orchwiz.command.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The version handshake of writes, answering side: a write answers with the version it made as {@code ETag}, which the
 * next write sends back as {@code If-Match} (read into its {@link dev.orchwiz.api.ExpectedVersion} parameter).
 */
public final class IfMatch {

    private IfMatch() {}

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
}
