package dev.orchwiz.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a GitHub OAuth client id is configured (an empty value counts as none). */
class GitHubConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String clientId = context.getEnvironment().getProperty("orchwiz.github.client-id");
        return clientId != null && !clientId.isBlank();
    }
}
