package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.WireNamed;
import java.util.List;

/**
 * An account as the admin pages show it, in the listing and in the answer to a role change alike: wire-named roles and
 * text timestamps, nothing of sign-in.
 */
public record AccountView(
        String id, String email, String displayName, List<String> roles, boolean emailVerified, String createdAt) {

    public static AccountView of(Account account) {
        return new AccountView(
                account.id(),
                account.email(),
                account.displayName(),
                account.roles().stream().map(WireNamed::wireName).sorted().toList(),
                account.emailVerified(),
                account.createdAt().toString());
    }
}
