package dev.orchwiz.security;

import dev.orchwiz.api.secret.SecretCipher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** The GitHub OAuth app, registered only when its client id is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GitHubProperties.class)
class GitHubConfiguration {

    @Bean
    @Conditional(GitHubConfigured.class)
    ClientRegistrationRepository gitHubRegistration(GitHubProperties github) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(GitHubConnection.REGISTRATION)
                .clientId(github.clientId())
                .clientSecret(github.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("read:user")
                .authorizationUri(github.webUrl() + "/login/oauth/authorize")
                .tokenUri(github.webUrl() + "/login/oauth/access_token")
                .userInfoUri(github.apiUrl() + "/user")
                .userNameAttributeName("login")
                .clientName("GitHub")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    @Conditional(GitHubConfigured.class)
    GitHubLinking gitHubLinking(
            GitHubProperties github,
            AccountLookup accounts,
            org.axonframework.commandhandling.gateway.CommandGateway commands,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        // Made here, not a bean: a SecretCipher bean would be one more candidate wherever the type is injected.
        return new GitHubLinking(github, new SecretCipher(github.encryptionKey()), accounts, commands, jdbc);
    }
}
