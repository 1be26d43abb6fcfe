package dev.orchwiz.security;

import dev.orchwiz.api.identity.IdentityError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * GitHub is connected to an account, never used to sign in: the OAuth endpoints answer 401 before Spring Security's
 * OAuth filters (which run ahead of authorization) can start a flow for an anonymous visitor.
 */
class ConnectRequiresSignInFilter extends OncePerRequestFilter {

    /** Spring Security's own rule for signed in: an authentication that is neither missing, anonymous nor unproven. */
    private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/oauth2/") && !path.startsWith("/login/oauth2/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SIGNED_IN.isAuthenticated(authentication)) {
            ProblemWriter.write(
                    request,
                    response,
                    401,
                    IdentityError.UNAUTHENTICATED,
                    "Sign in first; GitHub is connected to an account, it is not a way to sign in");
            return;
        }
        chain.doFilter(request, response);
    }
}
