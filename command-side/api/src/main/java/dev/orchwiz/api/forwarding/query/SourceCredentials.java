package dev.orchwiz.api.forwarding.query;

import java.util.List;

/** Base64 public keys, or sha-256 hex digests of api keys; empty when the origin is unknown or disabled. */
public record SourceCredentials(List<String> credentials) {}
