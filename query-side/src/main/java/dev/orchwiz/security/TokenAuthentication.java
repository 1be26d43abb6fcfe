package dev.orchwiz.security;

import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.query.Account;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token: whose, which token, and what its scopes allow. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final SignedInUser user;
    private final transient Account account;
    private final String tokenId;
    private final Set<TokenScope> scopes;

    TokenAuthentication(Account account, String tokenId, Set<TokenScope> scopes) {
        super(authorities(account, scopes));
        this.account = account;
        this.user = SignedInUser.of(account);
        this.tokenId = tokenId;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    /**
     * An admin's token acts as an admin only with the {@code admin} scope (as {@link ActingUser} decides for the API):
     * a read-only script of an admin must not reach the node's operations endpoints.
     */
    private static List<SimpleGrantedAuthority> authorities(Account account, Set<TokenScope> scopes) {
        return account.admin() && scopes.contains(TokenScope.ADMIN)
                ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_MEMBER"))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.email();
    }

    /** The token holder's account as it was read for this request. */
    Account account() {
        return account;
    }

    public String tokenId() {
        return tokenId;
    }

    public Set<TokenScope> scopes() {
        return scopes;
    }
}
