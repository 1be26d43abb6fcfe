package dev.orchwiz.web;

import dev.orchwiz.api.identity.ActingToken;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.security.ActingUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies the acting principal, as resolved by the security filters, to every endpoint that declares an {@link Actor},
 * and the API token the request came with to one that declares an {@link ActingToken} (the command side's endpoints
 * see neither the servlet session nor Spring Security, only these two).
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType())
                || ActingToken.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        ActingUser acting = ActingUser.of(request).orElseThrow(NotSignedIn::new);
        return Actor.class.equals(parameter.getParameterType()) ? acting.actor() : acting.token();
    }

    static class NotSignedIn extends RuleViolation {

        NotSignedIn() {
            super(IdentityError.UNAUTHENTICATED, "Sign in, or send an API token");
        }
    }
}
