package dev.orchwiz.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/** Whether this node has a GitHub OAuth app configured (GitHub is connected after sign-in, never a sign-in). */
public final class GitHubConnection {

    static final String REGISTRATION = "github";

    private GitHubConnection() {}

    public static boolean configured(ObjectProvider<ClientRegistrationRepository> registrations) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        return repository != null
                && !(repository instanceof InMemoryClientRegistrationRepository inMemory
                        && !inMemory.iterator().hasNext())
                && repository.findByRegistrationId(REGISTRATION) != null;
    }
}
