package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.identity.Role;
import java.time.Instant;
import java.util.Set;

/** A user as sign-in and the settings page need it. */
public record Account(
        String id,
        String email,
        String displayName,
        Set<Role> roles,
        boolean emailVerified,
        String githubLogin,
        int passkeys,
        long sessionEpoch,
        Instant createdAt) {

    public boolean admin() {
        return roles.contains(Role.ADMIN);
    }
}
