package dev.orchwiz.command.forwarding.outbound;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.problem.RuleViolation;

/** A request about an outbox refused by a named rule. */
class OutboxRefusal extends RuleViolation {

    OutboxRefusal(ForwardingError error, String detail) {
        super(error, detail);
    }
}
