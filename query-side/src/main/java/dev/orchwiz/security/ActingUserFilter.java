package dev.orchwiz.security;

import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.query.Account;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves who is acting, from the current account state (so a revoked role or a deleted account takes effect at
 * once), and ends browser sessions that started before the user signed out everywhere.
 */
class ActingUserFilter extends OncePerRequestFilter {

    /** Spring Security's own rule for signed in: an authentication that is neither missing, anonymous nor unproven. */
    private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

    private final AccountLookup accounts;

    ActingUserFilter(AccountLookup accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SIGNED_IN.isAuthenticated(authentication)) {
            chain.doFilter(request, response);
            return;
        }
        if (authentication instanceof TokenAuthentication token) {
            // Read together with the token a moment ago, in the same request.
            request.setAttribute(ActingUser.ATTRIBUTE, ActingUser.forToken(token.account(), token));
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        Optional<Account> account = sessionAccount(session, authentication);
        if (account.isEmpty() || signedOutSince(session, account.get())) {
            endSession(request, session);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ProblemWriter.write(
                        request, response, 401, IdentityError.UNAUTHENTICATED, "This session has ended; sign in again");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ActingUser.ATTRIBUTE, ActingUser.forSession(account.get()));
        chain.doFilter(request, response);
    }

    private Optional<Account> sessionAccount(HttpSession session, Authentication authentication) {
        Object userId = session == null ? null : session.getAttribute(SignInSessionStrategy.USER_ID);
        if (userId instanceof String id) {
            return accounts.byId(id);
        }
        return accounts.byEmail(authentication.getName());
    }

    private static boolean signedOutSince(HttpSession session, Account account) {
        Object epoch = session == null ? null : session.getAttribute(SignInSessionStrategy.SESSION_EPOCH);
        long sessionEpoch = epoch instanceof Long value ? value : 0L;
        return account.sessionEpoch() > sessionEpoch;
    }

    private static void endSession(HttpServletRequest request, HttpSession session) {
        SecurityContextHolder.clearContext();
        if (session != null) {
            session.invalidate();
        }
    }
}
