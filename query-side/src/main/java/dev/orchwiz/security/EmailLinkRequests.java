package dev.orchwiz.security;

import dev.orchwiz.api.identity.Emails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/auth/email-link {"email":…, "rememberMe":true|false}}: the answer is the same whether or not the address may sign in, so
 * nobody can probe which addresses have accounts; the link is only delivered when it may.
 */
final class EmailLinkRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The request's "keep me signed in" choice, from the resolver to the delivery of the link. */
    private static final String REMEMBER_ME = EmailLinkRequests.class.getName() + ".rememberMe";

    private EmailLinkRequests() {}

    /** Reads the address; anything unreadable passes on to the controller, which answers 400. */
    static GenerateOneTimeTokenRequestResolver resolver() {
        return (HttpServletRequest request) -> {
            if (request.getContentType() == null
                    || !MediaType.parseMediaType(request.getContentType())
                            .isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return null;
            }
            try {
                JsonNode body = JSON.readTree(request.getInputStream());
                String email = Emails.normalize(
                        body == null ? null : body.path("email").asString(null));
                JsonNode rememberMe = body == null ? null : body.path("rememberMe");
                request.setAttribute(
                        REMEMBER_ME, rememberMe != null && rememberMe.isBoolean() && rememberMe.booleanValue());
                return Emails.plausible(email) ? new GenerateOneTimeTokenRequest(email, SignInLinks.VALIDITY) : null;
            } catch (IOException | RuntimeException unreadable) {
                return null;
            }
        };
    }

    static OneTimeTokenGenerationSuccessHandler deliverWhenAllowed(
            SignInLinks links, AccountEnrollment enrollment, SignInRateLimits limits, SignInFailures failures) {
        return (HttpServletRequest request, HttpServletResponse response, OneTimeToken token) -> {
            String email = token.getUsername();
            Optional<Duration> wait = limits.forAccount(email);
            if (wait.isPresent()) {
                failures.record(email, "too many sign-in link requests");
                SignInRateLimitFilter.tooMany(request, response, wait.get());
                return;
            }
            if (enrollment.maySignIn(email)) {
                links.deliver(email, token, Boolean.TRUE.equals(request.getAttribute(REMEMBER_ME)));
            }
            ProblemWriter.json(
                    response,
                    202,
                    Map.of("sent", true, "delivery", links.delivery().wireName()));
        };
    }
}
