package dev.orchwiz.security;

import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.problem.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;

/** Sign-in and access answers as JSON, for the dashboard and for scripts; never a redirect to a login form. */
final class JsonSignInResponses {

    private JsonSignInResponses() {}

    static AuthenticationSuccessHandler emailLinkSucceeded() {
        return (request, response, authentication) -> ProblemWriter.json(
                response,
                200,
                Map.of(
                        "authenticated",
                        true,
                        "redirectUrl",
                        "/",
                        "newUser",
                        EmailLinkAuthenticationProvider.NEW_USER_DETAIL.equals(authentication.getDetails())));
    }

    static AuthenticationFailureHandler emailLinkFailed() {
        return (request, response, failure) -> {
            if (failure instanceof AccountEnrollment.SignupRefused) {
                ProblemWriter.write(
                        request,
                        response,
                        403,
                        IdentityError.SIGNUP_CLOSED,
                        "This node does not take new accounts for that address; ask an admin for an invitation");
            } else {
                ProblemWriter.write(
                        request,
                        response,
                        401,
                        IdentityError.INVALID_LINK,
                        "This sign-in link was already used or has expired; request a new one");
            }
        };
    }

    static AuthenticationFailureHandler passkeyFailed() {
        return (request, response, failure) -> ProblemWriter.write(
                request,
                response,
                401,
                IdentityError.PASSKEY_REJECTED,
                "The passkey was not accepted: " + failure.getMessage());
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) ->
                ProblemWriter.write(
                        request,
                        response,
                        401,
                        IdentityError.UNAUTHENTICATED,
                        "Sign in, or send an API token as Authorization: Bearer owz_…");
    }

    static AccessDeniedHandler denied() {
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) -> {
            ErrorCode code =
                    denied instanceof CsrfException ? IdentityError.CSRF_REJECTED : IdentityError.FORBIDDEN_SCOPE;
            String detail = denied instanceof CsrfException
                    ? "Send the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie"
                    : "Not allowed";
            write(request, response, 403, code, detail);
        };
    }

    private static void write(
            HttpServletRequest request, HttpServletResponse response, int status, ErrorCode code, String detail)
            throws IOException {
        ProblemWriter.write(request, response, status, code, detail);
    }
}
