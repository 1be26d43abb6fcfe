package dev.orchwiz.api.identity;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways identity and access requests are refused. */
public enum IdentityError implements ListedError {
    UNAUTHENTICATED(ErrorKind.UNAUTHENTICATED, "Sign in first"),
    INVALID_TOKEN(ErrorKind.UNAUTHENTICATED, "Invalid API token"),
    INVALID_LINK(ErrorKind.UNAUTHENTICATED, "Invalid or used sign-in link"),
    PASSKEY_REJECTED(ErrorKind.UNAUTHENTICATED, "Passkey not accepted"),
    CSRF_REJECTED(ErrorKind.FORBIDDEN, "Missing or wrong CSRF token"),
    FORBIDDEN_SCOPE(ErrorKind.FORBIDDEN, "The token's scopes do not allow this"),
    TOKEN_SCOPE_EXCEEDS_CALLER(ErrorKind.FORBIDDEN, "A token cannot issue a token with more than it holds"),
    RATE_LIMITED(ErrorKind.RATE_LIMITED, "Too many attempts"),
    INVALID_SETUP_CODE(ErrorKind.INVALID, "Wrong setup code"),
    SETUP_COMPLETE(ErrorKind.CONFLICT, "This node already has an admin"),
    LAST_PASSKEY(ErrorKind.CONFLICT, "This is your last passkey"),
    LAST_ADMIN(ErrorKind.CONFLICT, "The node needs an admin"),
    SIGNUP_CLOSED(ErrorKind.CONFLICT, "Sign-up is not open"),
    USER_NOT_FOUND(ErrorKind.NOT_FOUND, "User not found"),
    TOKEN_NOT_FOUND(ErrorKind.NOT_FOUND, "Token not found"),
    PASSKEY_NOT_FOUND(ErrorKind.NOT_FOUND, "Passkey not found"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid input");

    private final Definition definition;

    IdentityError(ErrorKind kind, String title) {
        definition = new Definition(name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
