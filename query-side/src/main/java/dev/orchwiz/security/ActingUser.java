package dev.orchwiz.security;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.ActingToken;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.query.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The account behind the current request, the {@link Actor} commands and queries carry for it, and the API token it
 * came with ({@link ActingToken#NONE} for a browser session).
 */
public record ActingUser(Account account, Actor actor, ActingToken token) {

    static final String ATTRIBUTE = ActingUser.class.getName();

    static ActingUser forSession(Account account) {
        return new ActingUser(account, new Actor(UserId.of(account.id()), account.admin()), ActingToken.NONE);
    }

    /** A token acts as an admin only when its user is one and the token carries the admin scope. */
    static ActingUser forToken(Account account, TokenAuthentication token) {
        boolean admin = account.admin() && token.scopes().contains(TokenScope.ADMIN);
        return new ActingUser(account, new Actor(UserId.of(account.id()), admin), new ActingToken(token.tokenId()));
    }

    public static Optional<ActingUser> of(HttpServletRequest request) {
        return Optional.ofNullable((ActingUser) request.getAttribute(ATTRIBUTE));
    }

    /** The acting user of a request that only a signed-in user (or a token) may make. */
    public static ActingUser required(HttpServletRequest request) {
        return of(request)
                .orElseThrow(() -> new AuthController.Refused(IdentityError.UNAUTHENTICATED, "Sign in first"));
    }
}
