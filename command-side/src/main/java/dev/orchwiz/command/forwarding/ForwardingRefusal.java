package dev.orchwiz.command.forwarding;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.problem.RuleViolation;

/** A forwarding request refused by a named rule. */
class ForwardingRefusal extends RuleViolation {

    ForwardingRefusal(ForwardingError error, String detail) {
        super(error, detail);
    }
}
