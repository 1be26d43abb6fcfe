package dev.orchwiz.command.hook.delivery;

import dev.orchwiz.api.WireNamed;

/** How one delivery attempt ended; decides whether the message is retried. */
public enum AttemptOutcome implements WireNamed {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** A non-2xx answer, a network error or a timeout: the receiver may recover, so it is worth retrying. */
    FAILED,
    /** The policy refused the target; retrying cannot help until someone changes the hook or the policy. */
    REFUSED;
}
