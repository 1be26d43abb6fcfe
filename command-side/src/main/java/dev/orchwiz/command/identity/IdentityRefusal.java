package dev.orchwiz.command.identity;

import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.problem.RuleViolation;

/** A refused identity command, named by its error code. */
class IdentityRefusal extends RuleViolation {

    IdentityRefusal(IdentityError error, String detail) {
        super(error, detail);
    }
}
