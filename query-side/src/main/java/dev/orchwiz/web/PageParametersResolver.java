package dev.orchwiz.web;

import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.util.NumberUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads {@code page} and {@code size} into {@link PageParameters} for every list endpoint, as two {@code int} request
 * parameters with defaults did before: a missing or empty value takes the default, a value that is no number is the
 * same 400 {@code INVALID_PARAMETER} Spring's type mismatch answered.
 */
class PageParametersResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PageParameters.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        DefaultPageSize defaultSize = parameter.getParameterAnnotation(DefaultPageSize.class);
        int page = number(webRequest, "page", 0);
        int size = number(webRequest, "size", defaultSize == null ? PageParameters.DEFAULT_SIZE : defaultSize.value());
        return new PageParameters(page, size);
    }

    private static int number(NativeWebRequest request, String name, int otherwise) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || (values.length == 1 && values[0].isEmpty())) {
            return otherwise;
        }
        String value = String.join(",", values);
        try {
            return NumberUtils.parseNumber(value, Integer.class);
        } catch (IllegalArgumentException notANumber) {
            String detail = "'" + value + "' is not a valid " + name;
            throw new InvalidRequest(RequestError.INVALID_PARAMETER, detail, List.of(new FieldProblem(name, detail)));
        }
    }
}
