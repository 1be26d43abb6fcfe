package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.problem.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where other nodes forward events. No user session or token is involved: each request is authenticated by its
 * origin's signature over the exact bytes received, so the body is taken raw, before any parsing.
 */
@RestController
class ForwardingInboundController {

    private final ForwardingInbox inbox;
    private final InboundRateLimits limits;
    private final InboundRefusalCounts refusals;

    ForwardingInboundController(ForwardingInbox inbox, InboundRateLimits limits, InboundRefusalCounts refusals) {
        this.inbox = inbox;
        this.limits = limits;
        this.refusals = refusals;
    }

    /**
     * An address that keeps sending refused requests is turned away before its next one is verified; a verified
     * origin is limited by the inbox, after its signature and before anything is stored.
     */
    @PostMapping("/api/forwarding/events")
    Object receive(
            HttpServletRequest request,
            @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        String address = request.getRemoteAddr();
        UnaryOperator<String> header = headers::getFirst;
        byte[] raw = body == null ? new byte[0] : body;
        try {
            limits.assertAddressMayTry(address);
            return ForwardingInbox.isOriginalFormat(header)
                    ? inbox.receiveSingle(header, raw, Instant.now())
                    : inbox.receiveBatch(header, raw, Instant.now());
        } catch (RuleViolation refusal) {
            limits.refused(address, refusal);
            refusals.count(
                    InboundRefusalCounts.Endpoint.PUSH,
                    claimedOrigin(header),
                    refusal.errorCode().code());
            throw refusal;
        }
    }

    /** The origin a request names, in either format; unverified, so only for counting refusals. */
    private static String claimedOrigin(UnaryOperator<String> header) {
        String named = header.apply("orchwiz-origin");
        return named != null ? named : header.apply("x-orchwiz-source-node");
    }
}
