package dev.orchwiz.api.toolcall.query;

import java.time.Instant;

/** The human side of a call that asked: who decided, how and when, and when the request expires. */
public record ApprovalView(
        String decision,
        String decidedBy,
        String decidedByEmail,
        String comment,
        Instant decidedAt,
        Instant expiresAt) {

    /** The same decision with the decider's current address, which the read side resolves when it answers. */
    public ApprovalView withDecidedByEmail(String email) {
        return new ApprovalView(decision, decidedBy, email, comment, decidedAt, expiresAt);
    }
}
