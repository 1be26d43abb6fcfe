package dev.orchwiz.api.identity;

/**
 * The API token the current request authenticated with ({@code id} null for a browser session): a token that issues
 * another is held to its own scopes and expiry, so the endpoint that issues tokens needs to know which one it was.
 */
public record ActingToken(String id) {

    public static final ActingToken NONE = new ActingToken(null);

    public boolean present() {
        return id != null;
    }
}
