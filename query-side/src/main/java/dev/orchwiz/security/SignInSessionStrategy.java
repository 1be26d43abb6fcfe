package dev.orchwiz.security;

import dev.orchwiz.api.identity.query.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

/**
 * Runs at every interactive sign-in: remembers in the (already renewed) session whose it is and the account's
 * sign-out epoch at that moment, so that "sign out everywhere" can end it later; indexes the stored session by the
 * account's id, so that it can end them all at once; and, when the sign-in asked to be remembered
 * ({@code remember-me=true}), makes the session and its cookie outlive the browser.
 */
class SignInSessionStrategy implements SessionAuthenticationStrategy {

    static final String USER_ID = "orchwiz.userId";
    static final String SESSION_EPOCH = "orchwiz.sessionEpoch";

    private final AccountLookup accounts;
    private final SpringSessionRememberMeServices rememberMe;

    SignInSessionStrategy(AccountLookup accounts, SpringSessionRememberMeServices rememberMe) {
        this.accounts = accounts;
        this.rememberMe = rememberMe;
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
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, account.id());
        rememberMe.loginSuccess(request, response, authentication);
    }
}
