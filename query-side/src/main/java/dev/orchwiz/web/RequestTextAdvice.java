package dev.orchwiz.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses hostile text in every request body before a controller sees it, so no command, event or read model ever
 * holds a NUL, a control character or half a surrogate pair. Query parameters and path segments get the same check
 * through {@link Parameters}.
 */
@ControllerAdvice
class RequestTextAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        RequestText.check(body, "");
        return body;
    }

    /** The same rules for query parameters and path variables (a path segment is one line). */
    static class Parameters implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.getParameterMap().forEach((name, values) -> {
                RequestText.checkValue("(parameter name)", name);
                for (String value : values) {
                    RequestText.checkValue(name, value);
                }
            });
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> RequestText.checkValue(String.valueOf(name), String.valueOf(value)));
            }
            return true;
        }
    }
}
