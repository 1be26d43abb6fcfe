package dev.orchwiz.api.permission.query;

import dev.orchwiz.api.id.UserId;
import java.util.List;

/** The named policies of one owner (those assigned to a subagent); slugs the owner has no policy for are left out. */
public record ListPermissionPoliciesBySlug(UserId ownerId, List<String> slugs) {}
