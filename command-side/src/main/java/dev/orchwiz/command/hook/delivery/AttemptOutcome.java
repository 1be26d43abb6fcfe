package dev.orchwiz.command.hook.delivery;

import java.util.Locale;

/** How one delivery attempt ended; decides whether the message is retried. */
public enum AttemptOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** A non-2xx answer, a network error or a timeout: the receiver may recover, so it is worth retrying. */
    FAILED,
    /** The policy refused the target; retrying cannot help until someone changes the hook or the policy. */
    REFUSED;

    /** The lower-case name used in the HTTP API and events ({@code delivered}, {@code failed}, {@code refused}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
