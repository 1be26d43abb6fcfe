package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.id.UserId;
import java.util.HashMap;
import java.util.Map;

/** Slug claims kept in memory, with the same answers as the table: one holder per owner and slug. */
public final class HeldPolicySlugs implements PermissionPolicySlugs {

    private final Map<String, PermissionPolicyId> held = new HashMap<>();

    public HeldPolicySlugs holding(UserId owner, String slug) {
        claim(owner, slug, PermissionPolicyId.random());
        return this;
    }

    @Override
    public boolean claim(UserId owner, String slug, PermissionPolicyId policy) {
        return held.putIfAbsent(key(owner, slug), policy) == null;
    }

    @Override
    public void release(UserId owner, String slug) {
        held.remove(key(owner, slug));
    }

    @Override
    public boolean isHeld(UserId owner, String slug) {
        return held.containsKey(key(owner, slug));
    }

    private static String key(UserId owner, String slug) {
        return owner.value() + "\n" + slug;
    }
}
