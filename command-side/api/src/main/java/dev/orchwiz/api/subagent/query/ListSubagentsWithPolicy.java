package dev.orchwiz.api.subagent.query;

import dev.orchwiz.api.id.UserId;

/** The names of one owner's subagents that have the policy {@code policy} (a slug) assigned. */
public record ListSubagentsWithPolicy(UserId ownerId, String policy) {}
