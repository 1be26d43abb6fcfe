package dev.orchwiz.query.forwarding;

import dev.orchwiz.api.forwarding.query.PullForwardedEvents;
import dev.orchwiz.api.forwarding.query.PulledBatch;
import dev.orchwiz.query.Reads;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a peer pulls a range of this node's events it missed. No user session is involved: the request is signed by
 * the peer's node key over its raw path and query, which are passed on untouched, and the answer is a batch this node
 * signs. All checking happens where the events are read (the outbound side's pull handler), rate limits included:
 * the client address goes along for those, the servlet's remote address like the push's.
 */
@RestController
class ForwardingPullController {

    private static final List<String> SIGNED_HEADERS =
            List.of("webhook-id", "webhook-timestamp", "webhook-signature", "orchwiz-origin");

    private final Reads reads;

    ForwardingPullController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/forwarding/events")
    ResponseEntity<byte[]> pull(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : SIGNED_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String rawPath = request.getRequestURI();
        PulledBatch batch = reads.ask(
                new PullForwardedEvents(
                        rawPath, request.getQueryString(), headers, Instant.now(), request.getRemoteAddr()),
                PulledBatch.class);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        batch.headers().forEach(answer::header);
        return answer.body(batch.body());
    }
}
