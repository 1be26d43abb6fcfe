package dev.orchwiz.security;

import dev.orchwiz.api.identity.query.Account;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a browser session: the account's id and address. Roles are re-read on every request. */
public record SignedInUser(String userId, String email, boolean admin) implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    static SignedInUser of(Account account) {
        return new SignedInUser(account.id(), account.email(), account.admin());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return admin
                ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_MEMBER"))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }

    @Override
    public String getPassword() {
        // Nobody here has a password: passkeys, email links and tokens only.
        return null;
    }

    @Override
    public String getUsername() {
        return email;
    }
}
