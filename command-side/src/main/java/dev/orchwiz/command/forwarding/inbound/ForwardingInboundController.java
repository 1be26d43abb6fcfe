package dev.orchwiz.command.forwarding.inbound;

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

    ForwardingInboundController(ForwardingInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/api/forwarding/events")
    Object receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        UnaryOperator<String> header = headers::getFirst;
        byte[] raw = body == null ? new byte[0] : body;
        return ForwardingInbox.isOriginalFormat(header)
                ? inbox.receiveSingle(header, raw, Instant.now())
                : inbox.receiveBatch(header, raw, Instant.now());
    }
}
