package dev.orchwiz.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when neither {@code spring.datasource.url} nor {@code DATABASE_URL} names a database. Set but empty counts as
 * not set: compose files pass {@code DATABASE_URL=} when the operator left it out.
 */
class NoDatabaseConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return matches(context.getEnvironment());
    }

    static boolean matches(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && !StringUtils.hasText(environment.getProperty(DatabaseUrlEnvironmentPostProcessor.DATABASE_URL));
    }
}
