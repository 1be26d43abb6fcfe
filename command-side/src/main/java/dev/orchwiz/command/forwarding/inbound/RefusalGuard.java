package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.problem.RuleViolation;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What every forwarding endpoint does around its own checks, pushed batches and signed pulls alike: an address that
 * used up its refused requests is turned away first, and each refusal spends from that address's allowance and is
 * counted under the origin the request claims.
 */
@Component
public class RefusalGuard {

    private final InboundRateLimits limits;
    private final InboundRefusalCounts refusals;

    RefusalGuard(InboundRateLimits limits, InboundRefusalCounts refusals) {
        this.limits = limits;
        this.refusals = refusals;
    }

    /** Runs {@code work} for a request from {@code address}; a refusal it throws is recorded, then thrown on. */
    public <T> T attempt(
            InboundRefusalCounts.Endpoint endpoint, String address, String claimedOrigin, Supplier<T> work) {
        try {
            limits.assertAddressMayTry(address);
            return work.get();
        } catch (RuleViolation refusal) {
            limits.refused(address, refusal);
            refusals.count(endpoint, claimedOrigin, refusal.errorCode().code());
            throw refusal;
        }
    }
}
