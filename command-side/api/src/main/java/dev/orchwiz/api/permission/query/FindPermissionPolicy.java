package dev.orchwiz.api.permission.query;

import dev.orchwiz.api.id.UserId;

/** One user's own policy by its slug; slugs are unique per owner only, so the owner is part of the key. */
public record FindPermissionPolicy(UserId ownerId, String slug) {}
