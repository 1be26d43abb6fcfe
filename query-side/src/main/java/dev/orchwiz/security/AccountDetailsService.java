package dev.orchwiz.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds the account behind a passkey (Spring Security names users by their email address here). */
@Component
class AccountDetailsService implements UserDetailsService {

    private final AccountLookup accounts;

    AccountDetailsService(AccountLookup accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.byEmail(email)
                .map(SignedInUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }
}
