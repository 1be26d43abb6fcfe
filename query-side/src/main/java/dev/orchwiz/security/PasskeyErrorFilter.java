package dev.orchwiz.security;

import dev.orchwiz.api.identity.IdentityError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security lets a passkey that fails verification during registration (wrong origin, wrong relying party,
 * malformed data) escape as a 500. The browser did something wrong, not the node: answer 400 and say what.
 */
class PasskeyErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PasskeyErrorFilter.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/webauthn/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException failure) {
            Throwable verification = verificationFailure(failure);
            if (verification == null || response.isCommitted()) {
                throw failure;
            }
            log.info("Passkey refused at {}: {}", request.getRequestURI(), verification.getMessage());
            ProblemWriter.write(
                    request,
                    response,
                    400,
                    IdentityError.PASSKEY_REJECTED,
                    "The passkey was refused: " + verification.getMessage()
                            + ". If this is an origin or relying party mismatch, open the node at its configured"
                            + " address (see docs/reverse-proxy.md).");
        }
    }

    private static Throwable verificationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("com.webauthn4j.")) {
                return cause;
            }
        }
        return null;
    }
}
