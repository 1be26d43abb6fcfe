package dev.orchwiz.web;

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

/** Supplies the acting principal, as resolved by the security filters, to every endpoint that declares an {@link Actor}. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return ActingUser.of(request).map(ActingUser::actor).orElseThrow(NotSignedIn::new);
    }

    static class NotSignedIn extends RuleViolation {

        NotSignedIn() {
            super(IdentityError.UNAUTHENTICATED, "Sign in, or send an API token");
        }
    }
}
