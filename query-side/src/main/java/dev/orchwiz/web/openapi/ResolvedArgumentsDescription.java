package dev.orchwiz.web.openapi;

import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.web.DefaultPageSize;
import dev.orchwiz.web.PageParameters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes the request parts that reach an endpoint through the node's own argument resolvers, which springdoc cannot
 * read: {@code page} and {@code size} of a list (one {@link PageParameters} argument), with the endpoint's default size,
 * and the optional {@code If-Match} header of a write (an {@link ExpectedVersion} argument, which springdoc would take
 * for a query parameter). Both arguments are ignored and what the request really carries is written out.
 */
@Component
class ResolvedArgumentsDescription implements OperationCustomizer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageParameters.class);
        SpringDocUtils.getConfig().addAnnotationsToIgnore(ExpectedVersion.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (PageParameters.class.equals(parameter.getParameterType())) {
                DefaultPageSize defaultSize = parameter.getParameterAnnotation(DefaultPageSize.class);
                int size = defaultSize == null ? PageParameters.DEFAULT_SIZE : defaultSize.value();
                operation.addParametersItem(query("page", "Which page, counting from 0", 0, null, 0));
                operation.addParametersItem(query("size", "Rows per page", 1, PageParameters.MAX_SIZE, size));
            }
            if (parameter.hasParameterAnnotation(ExpectedVersion.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(HttpHeaders.IF_MATCH)
                        .description("The version the write expects, as its ETag was sent (\"3\"), or * for any")
                        .required(false)
                        .schema(new StringSchema()));
            }
        }
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
