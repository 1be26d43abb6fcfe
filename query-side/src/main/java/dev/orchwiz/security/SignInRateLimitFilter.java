package dev.orchwiz.security;

import dev.orchwiz.api.identity.IdentityError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/** Limits sign-in attempts per client address, before any credential is looked at. */
class SignInRateLimitFilter extends OncePerRequestFilter {

    static final Set<String> SIGN_IN_PATHS = Set.of(
            "/api/auth/email-link",
            "/api/auth/claim-admin",
            "/login/ott",
            "/login/webauthn",
            "/webauthn/authenticate/options");

    private final SignInRateLimits limits;

    SignInRateLimitFilter(SignInRateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !SIGN_IN_PATHS.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = limits.forAddress(request.getRemoteAddr());
        if (wait.isPresent()) {
            tooMany(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    static void tooMany(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        ProblemWriter.write(
                request,
                response,
                429,
                IdentityError.RATE_LIMITED,
                "Too many sign-in attempts; try again in " + seconds + " s");
    }
}
