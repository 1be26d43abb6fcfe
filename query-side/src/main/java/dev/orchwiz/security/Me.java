package dev.orchwiz.security;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.identity.query.Account;
import java.util.LinkedHashMap;
import java.util.Map;

/** The signed-in user as {@code GET /api/me} shows them, and the sign-in page's state embeds them: one shape for both. */
public final class Me {

    private Me() {}

    public static Map<String, Object> of(Account account) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", account.id());
        me.put("email", account.email());
        me.put("displayName", account.displayName());
        me.put(
                "roles",
                account.roles().stream().map(WireNamed::wireName).sorted().toList());
        me.put("emailVerified", account.emailVerified());
        me.put("github", account.githubLogin() == null ? null : Map.of("login", account.githubLogin()));
        me.put("passkeys", account.passkeys());
        return me;
    }
}
