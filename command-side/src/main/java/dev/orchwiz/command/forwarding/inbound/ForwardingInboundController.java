package dev.orchwiz.command.forwarding.inbound;

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
    private final RefusalGuard guard;

    ForwardingInboundController(ForwardingInbox inbox, RefusalGuard guard) {
        this.inbox = inbox;
        this.guard = guard;
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
        return guard.attempt(
                InboundRefusalCounts.Endpoint.PUSH,
                address,
                claimedOrigin(header),
                () -> ForwardingInbox.isOriginalFormat(header)
                        ? inbox.receiveSingle(header, raw, Instant.now())
                        : inbox.receiveBatch(header, raw, Instant.now()));
    }

    /** The origin a request names, in either format; unverified, so only for counting refusals. */
    private static String claimedOrigin(UnaryOperator<String> header) {
        String named = header.apply("orchwiz-origin");
        return named != null ? named : header.apply("x-orchwiz-source-node");
    }
}
