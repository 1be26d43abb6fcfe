package dev.orchwiz.security;

import dev.orchwiz.api.identity.ApiTokenFormat;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.query.ApiTokenGrant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer owz_…} on the API. A bad token is a 401 at once: the request never falls
 * back to a cookie session, so a script with a revoked token cannot ride on a browser's login. Scopes are enforced
 * here too: {@code read} for reads, {@code write} for changes, {@code admin} for {@code /api/admin} and the actuator
 * endpoints other than health (which also need the holder to be an admin).
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    /** The marker {@code SessionManagementFilter} sets once it has looked at a request. */
    private static final String SESSION_MANAGEMENT_APPLIED = "__spring_security_session_mgmt_filter_applied";

    private final TokenGrants grants;

    ApiTokenAuthenticationFilter(TokenGrants grants) {
        this.grants = grants;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !hasBearer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring(BEARER.length())
                .trim();
        Optional<TokenAuthentication> authentication = authenticate(token);
        if (authentication.isEmpty()) {
            ProblemWriter.write(
                    request,
                    response,
                    401,
                    IdentityError.INVALID_TOKEN,
                    "The bearer token is unknown, revoked or expired");
            return;
        }
        if (!allowed(authentication.get().scopes(), request)) {
            ProblemWriter.write(
                    request,
                    response,
                    403,
                    IdentityError.FORBIDDEN_SCOPE,
                    "This token's scopes " + authentication.get().scopes() + " do not allow " + request.getMethod()
                            + " " + request.getRequestURI());
            return;
        }
        // Tells Spring's session management this request's authentication is handled: it must not store it in a
        // new HTTP session (token requests are stateless).
        request.setAttribute(SESSION_MANAGEMENT_APPLIED, Boolean.TRUE);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<TokenAuthentication> authenticate(String token) {
        if (!ApiTokenFormat.looksLikeToken(token)) {
            return Optional.empty();
        }
        String hash = ApiTokenFormat.hash(token);
        Optional<ApiTokenGrant> grant = grants.find(hash)
                .filter(found -> !found.revoked())
                .filter(found -> found.expiresAt() == null || found.expiresAt().isAfter(Instant.now()));
        return grant.map(found -> {
            grants.recordUse(hash);
            return new TokenAuthentication(found.holder(), found.tokenId(), found.scopes());
        });
    }

    static boolean allowed(Set<TokenScope> scopes, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/admin") || operations(path)) {
            return scopes.contains(TokenScope.ADMIN);
        }
        String method = request.getMethod();
        boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return reading || scopes.contains(TokenScope.WRITE) || scopes.contains(TokenScope.ADMIN);
    }

    /** Actuator endpoints other than health (metrics, Prometheus) describe the whole node: admin scope only. */
    private static boolean operations(String path) {
        return (path.equals("/actuator") || path.startsWith("/actuator/"))
                && !(path.equals("/actuator/health") || path.startsWith("/actuator/health/"));
    }
}
