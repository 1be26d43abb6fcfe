package dev.orchwiz.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * Spring Security's single-page-application CSRF handling ({@code csrf.spa()}) for browsers, and none at all for
 * {@code Authorization: Bearer} requests.
 *
 * <p>For a browser this does what {@code csrf.spa()} does: it loads the token on every request so that the
 * {@code XSRF-TOKEN} cookie is always there for the dashboard to echo, exposes it masked (BREACH) to server-rendered
 * pages, and accepts the raw cookie value in the {@code X-XSRF-TOKEN} header or a masked one in a form parameter. A
 * token request carries no ambient authority and is never checked ({@link SecurityConfiguration#needsCsrfToken}), so
 * generating, masking and setting a cookie for it was pure cost: a {@code SecureRandom} UUID, a masked copy and a
 * {@code Set-Cookie} on every API answer, about 4 % of a command's request time under load (docs/benchmarks.md).
 */
final class BrowserCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestAttributeHandler xor = new XorCsrfTokenRequestAttributeHandler();

    BrowserCsrfTokenRequestHandler() {
        // No fixed attribute name: the handler then asks the token for its parameter name, which loads it (and sets
        // the cookie when the browser has none yet), as csrf.spa() does.
        xor.setCsrfRequestAttributeName(null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        if (ApiTokenAuthenticationFilter.hasBearer(request)) {
            return;
        }
        xor.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        // The dashboard sends the cookie's raw value in the header; a form posts the masked value it was rendered with.
        boolean fromHeader = StringUtils.hasText(request.getHeader(csrfToken.getHeaderName()));
        return (fromHeader ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
    }
}
