package dev.orchwiz.security;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.query.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The account behind the current request and the {@link Actor} commands and queries carry for it. */
public record ActingUser(Account account, Actor actor, boolean viaToken) {

    static final String ATTRIBUTE = ActingUser.class.getName();

    static ActingUser forSession(Account account) {
        return new ActingUser(account, new Actor(UserId.of(account.id()), account.admin()), false);
    }

    /** A token acts as an admin only when its user is one and the token carries the admin scope. */
    static ActingUser forToken(Account account, TokenAuthentication token) {
        boolean admin = account.admin() && token.scopes().contains(TokenScope.ADMIN);
        return new ActingUser(account, new Actor(UserId.of(account.id()), admin), true);
    }

    public static Optional<ActingUser> of(HttpServletRequest request) {
        return Optional.ofNullable((ActingUser) request.getAttribute(ATTRIBUTE));
    }
}
