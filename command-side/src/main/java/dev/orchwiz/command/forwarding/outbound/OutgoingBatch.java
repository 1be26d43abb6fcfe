package dev.orchwiz.command.forwarding.outbound;

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
}
