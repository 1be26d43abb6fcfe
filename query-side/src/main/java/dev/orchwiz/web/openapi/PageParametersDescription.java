package dev.orchwiz.web.openapi;

import dev.orchwiz.web.DefaultPageSize;
import dev.orchwiz.web.PageParameters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes {@code page} and {@code size} on every list endpoint: they arrive as one {@link PageParameters} argument,
 * which springdoc would otherwise not know how to read, so it is ignored and the two query parameters are written out
 * with the endpoint's default size.
 */
@Component
class PageParametersDescription implements OperationCustomizer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageParameters.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> PageParameters.class.equals(parameter.getParameterType()))
                .findFirst()
                .ifPresent(parameter -> {
                    DefaultPageSize defaultSize = parameter.getParameterAnnotation(DefaultPageSize.class);
                    int size = defaultSize == null ? PageParameters.DEFAULT_SIZE : defaultSize.value();
                    operation.addParametersItem(query("page", "Which page, counting from 0", 0, null, 0));
                    operation.addParametersItem(query("size", "Rows per page", 1, PageParameters.MAX_SIZE, size));
                });
        return operation;
    }

    private static Parameter query(String name, String description, int minimum, Integer maximum, int byDefault) {
        IntegerSchema schema = new IntegerSchema();
        schema.setMinimum(BigDecimal.valueOf(minimum));
        if (maximum != null) {
            schema.setMaximum(BigDecimal.valueOf(maximum));
        }
        schema.setDefault(byDefault);
        return new Parameter()
                .in("query")
                .name(name)
                .description(description)
                .required(false)
                .schema(schema);
    }
}
