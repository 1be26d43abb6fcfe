package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.permission.BuiltInPolicy;

/**
 * Which policy slugs each owner holds. A slug is claimed when its policy is created and released when it is removed,
 * in the command's own transaction, so the claims are also the consistent answer to "does this owner have a policy
 * with this slug" when a subagent is given one.
 */
public interface PermissionPolicySlugs {

    /** True when the owner had no policy of that slug and now holds it for {@code policy}. */
    boolean claim(UserId owner, String slug, PermissionPolicyId policy);

    void release(UserId owner, String slug);

    /** Whether the owner has a policy of their own with this slug. */
    boolean isHeld(UserId owner, String slug);

    /** Whether a subagent of {@code owner} may be given the policy: a built-in one, or one of the owner's own. */
    default boolean isAssignable(UserId owner, String slug) {
        return BuiltInPolicy.bySlug(slug).isPresent() || (slug != null && isHeld(owner, slug));
    }
}
