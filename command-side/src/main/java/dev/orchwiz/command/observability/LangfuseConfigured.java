package dev.orchwiz.command.observability;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when both Langfuse keys are set (an empty value counts as none). Without them the exporter is not even a bean,
 * so no event processor runs, claims a token or reads events for it.
 */
class LangfuseConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return present(context, "orchwiz.observability.langfuse.public-key")
                && present(context, "orchwiz.observability.langfuse.secret-key");
    }

    private static boolean present(ConditionContext context, String property) {
        String value = context.getEnvironment().getProperty(property);
        return value != null && !value.isBlank();
    }
}
