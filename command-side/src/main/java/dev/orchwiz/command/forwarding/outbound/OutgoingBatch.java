package dev.orchwiz.command.forwarding.outbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.ObjectMapper;

/**
 * One batch as it goes to a peer: the body is made once and sent byte for byte on every attempt, under the same
 * {@code webhookId} ({@code fwd_<origin>_<fromSeq>_<toSeq>}); only timestamp and signature are fresh per attempt.
 * {@code fromSeq}..{@code toSeq} is the range of this node's store the batch covers, including events the peer's
 * filter left out.
 */
record OutgoingBatch(String webhookId, long fromSeq, long toSeq, int events, byte[] body, String traceId) {

    static String webhookId(String origin, long fromSeq, long toSeq) {
        return "fwd_" + origin + "_" + fromSeq + "_" + toSeq;
    }

    /** The batch body, events already in JSON: a push and a pull of the same range send the same shape. */
    static byte[] body(ObjectMapper json, String origin, long fromSeq, long toSeq, List<byte[]> events) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"type\":\"orchwiz.events.batch\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{"
                        + "\"origin\":" + json.writeValueAsString(origin) + ",\"schema\":1"
                        + ",\"fromSeq\":" + fromSeq + ",\"toSeq\":" + toSeq
                        + ",\"events\":[")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(events.get(i));
        }
        body.writeBytes("]}}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
