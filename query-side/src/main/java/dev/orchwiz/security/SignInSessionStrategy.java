package dev.orchwiz.security;

import dev.orchwiz.api.identity.query.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * Runs at every interactive sign-in: remembers in the (already renewed) session whose it is and the account's
 * sign-out epoch at that moment, so that "sign out everywhere" can end it later.
 */
class SignInSessionStrategy implements SessionAuthenticationStrategy {

    static final String USER_ID = "orchwiz.userId";
    static final String SESSION_EPOCH = "orchwiz.sessionEpoch";

    private final AccountLookup accounts;

    SignInSessionStrategy(AccountLookup accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onAuthentication(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (authentication instanceof TokenAuthentication) {
            // Token requests are stateless: they never get (or need) a session.
            return;
        }
        Account account = (authentication.getPrincipal() instanceof SignedInUser user
                        ? accounts.byId(user.userId())
                        : accounts.byEmail(authentication.getName()))
                .orElse(null);
        if (account == null) {
            return;
        }
        var session = request.getSession(true);
        session.setAttribute(USER_ID, account.id());
        session.setAttribute(SESSION_EPOCH, account.sessionEpoch());
    }
}
