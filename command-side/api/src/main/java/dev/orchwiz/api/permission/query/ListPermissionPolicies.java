package dev.orchwiz.api.permission.query;

import dev.orchwiz.api.id.UserId;

/**
 * One user's own policies by slug. An offset rather than a page number: the HTTP list puts the built-in policies
 * first, so the user's policies start part-way into a page.
 */
public record ListPermissionPolicies(UserId ownerId, long offset, int limit) {}
