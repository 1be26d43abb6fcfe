package dev.orchwiz.security;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.command.LinkGitHub;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.secret.SecretCipher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.client.RestClient;

/**
 * Where Spring Security hands over a freshly authorized GitHub client: this asks GitHub who the account is, records
 * the link as an event, and keeps the access token encrypted. No API ever returns the token.
 */
class GitHubLinking implements OAuth2AuthorizedClientRepository {

    private final RestClient api;
    private final SecretCipher cipher;
    private final AccountLookup accounts;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    GitHubLinking(
            GitHubProperties github,
            SecretCipher cipher,
            AccountLookup accounts,
            CommandGateway commands,
            JdbcTemplate jdbc) {
        this.api = RestClient.builder()
                .baseUrl(github.apiUrl())
                .defaultHeader("Accept", "application/vnd.github+json")
                .defaultHeader("User-Agent", "OrchWiz")
                .build();
        this.cipher = cipher;
        this.accounts = accounts;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
            String registrationId, Authentication principal, HttpServletRequest request) {
        // Tokens are only used by server-side processes, never to authorize a browser request.
        return null;
    }

    @Override
    public void saveAuthorizedClient(
            OAuth2AuthorizedClient client,
            Authentication principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        Account account = accounts.byEmail(principal.getName())
                .orElseThrow(() -> new IllegalStateException("GitHub was authorized for an unknown account"));
        String token = client.getAccessToken().getTokenValue();
        Map<String, Object> user = api.get()
                .uri("/user")
                .header("Authorization", "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Map.class);
        if (user == null || !(user.get("login") instanceof String login) || !(user.get("id") instanceof Number id)) {
            throw new IllegalStateException("GitHub did not say who the account is");
        }
        jdbc.update(
                "insert into github_credential (user_id, access_token, scopes, linked_at) values (?, ?, ?, now())"
                        + " on conflict (user_id) do update set access_token = excluded.access_token,"
                        + " scopes = excluded.scopes, linked_at = excluded.linked_at",
                account.id(),
                cipher.encrypt(token),
                String.join(" ", client.getAccessToken().getScopes()));
        commands.sendAndWait(new LinkGitHub(UserId.of(account.id()), login, id.longValue()), 30, TimeUnit.SECONDS);
    }

    @Override
    public void removeAuthorizedClient(
            String registrationId, Authentication principal, HttpServletRequest request, HttpServletResponse response) {
        accounts.byEmail(principal.getName()).ifPresent(account -> forget(account.id()));
    }

    void forget(String userId) {
        jdbc.update("delete from github_credential where user_id = ?", userId);
    }
}
