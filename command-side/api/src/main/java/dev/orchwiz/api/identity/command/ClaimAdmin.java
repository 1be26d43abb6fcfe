package dev.orchwiz.api.identity.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A first-run claim: {@code email} presented the node's setup code (the node checked it), so that address becomes
 * admin once it is verified. Refused when the node already has an admin.
 */
public record ClaimAdmin(@TargetAggregateIdentifier String nodeId, String email) {}
