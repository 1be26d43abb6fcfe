package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.problem.RuleViolation;

/** An inbound forwarding request refused before (or instead of) anything of it being stored. */
class InboundRefusal extends RuleViolation {

    InboundRefusal(ForwardingError error, String detail) {
        super(error, detail);
    }
}
