package dev.orchwiz.command.identity;

import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.problem.RuleViolation;

/** A refused identity command, named by its error code. */
class IdentityRefusal extends RuleViolation {

    IdentityRefusal(IdentityError error, String detail) {
        super(error, detail);
    }

    /** A user the caller may not see is as missing as one that never was. */
    static IdentityRefusal noUser(Object userId) {
        return new IdentityRefusal(IdentityError.USER_NOT_FOUND, "No user " + userId);
    }
}
