package dev.orchwiz.api.forwarding;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a forwarding request can be refused; inbound refusals say as little as a stranger needs to know. */
public enum ForwardingError implements ListedError {
    NOT_ADMIN(ErrorKind.FORBIDDEN, "Only admins manage forwarding"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid forwarding request"),
    SOURCE_NOT_FOUND(ErrorKind.NOT_FOUND, "Forwarding source not found"),
    SESSION_NOT_FOUND(ErrorKind.NOT_FOUND, "Forwarded session not found"),
    SOURCE_TAKEN(ErrorKind.CONFLICT, "A source with that node id is already registered"),
    KEY_NOT_FOUND(ErrorKind.NOT_FOUND, "Node key not found"),
    KEY_REVOKED(ErrorKind.CONFLICT, "That node key is already revoked"),
    CURRENT_KEY(ErrorKind.CONFLICT, "The current signing key cannot be revoked; rotate first"),
    MISSING_HEADER(ErrorKind.INVALID, "Missing forwarding header"),
    STALE_TIMESTAMP(ErrorKind.UNAUTHENTICATED, "Forwarding timestamp outside the tolerance window"),
    BAD_SIGNATURE(ErrorKind.UNAUTHENTICATED, "Forwarding signature not valid"),
    UNKNOWN_ORIGIN(ErrorKind.FORBIDDEN, "Unknown or disabled forwarding origin"),
    BATCH_TOO_LARGE(ErrorKind.TOO_LARGE, "Forwarded batch too large"),
    INVALID_BATCH(ErrorKind.INVALID, "Invalid forwarded events"),
    NONCE_REPLAYED(ErrorKind.CONFLICT, "Replayed forwarding nonce"),
    RATE_LIMITED(ErrorKind.RATE_LIMITED, "Too many forwarding requests"),
    INVALID_PEER_URL(ErrorKind.INVALID, "Not a usable peer URL"),
    INVALID_PUBLIC_KEY(ErrorKind.INVALID, "Not a raw ed25519 public key in base64"),
    PEER_NOT_FOUND(ErrorKind.NOT_FOUND, "Forwarding peer not found"),
    PEER_TAKEN(ErrorKind.CONFLICT, "A peer with that node id or URL is already registered"),
    DEAD_LETTER_NOT_FOUND(ErrorKind.NOT_FOUND, "Dead letter not found"),
    PEER_UNREACHABLE(ErrorKind.UNAVAILABLE, "The peer did not take the batch"),
    UNKNOWN_PEER(ErrorKind.FORBIDDEN, "Unknown forwarding peer"),
    INVALID_PULL(ErrorKind.INVALID, "Invalid pull of forwarded events"),
    RANGE_NOT_AVAILABLE(ErrorKind.RANGE_NOT_AVAILABLE, "This node holds no events in that range");

    private final Definition definition;

    ForwardingError(ErrorKind kind, String title) {
        definition = new Definition("FORWARDING_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
