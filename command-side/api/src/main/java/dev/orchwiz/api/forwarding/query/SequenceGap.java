package dev.orchwiz.api.forwarding.query;

/** Origin sequences {@code fromSeq..toSeq} (inclusive) not received yet although later ones were. */
public record SequenceGap(long fromSeq, long toSeq) {}
