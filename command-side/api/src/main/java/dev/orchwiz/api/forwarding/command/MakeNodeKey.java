package dev.orchwiz.api.forwarding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes this node's first signing key unless it has one; {@code nodeId} names the node on its first start only. */
public record MakeNodeKey(@TargetAggregateIdentifier String keysId, String nodeId) {}
