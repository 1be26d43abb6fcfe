package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.command.ownership.NameClaims;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Policy slugs as rows of {@code permission_policy_slug}, one per owner and slug. */
@Component
class ClaimedPolicySlugs implements PermissionPolicySlugs {

    private final NameClaims claims;

    ClaimedPolicySlugs(JdbcTemplate jdbc) {
        this.claims = new NameClaims(jdbc, "permission_policy_slug", "policy_id");
    }

    @Override
    public boolean claim(UserId owner, String slug, PermissionPolicyId policy) {
        return claims.claim(owner, slug, policy.value());
    }

    @Override
    public void release(UserId owner, String slug) {
        claims.release(owner, slug);
    }

    @Override
    public boolean isHeld(UserId owner, String slug) {
        return claims.isClaimed(owner, slug);
    }
}
