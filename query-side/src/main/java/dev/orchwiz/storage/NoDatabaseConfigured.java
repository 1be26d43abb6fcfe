package dev.orchwiz.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when neither {@code spring.datasource.url} nor {@code DATABASE_URL} names a database. */
class NoDatabaseConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return !environment.containsProperty("spring.datasource.url")
                && !environment.containsProperty(DatabaseUrlEnvironmentPostProcessor.DATABASE_URL);
    }
}
