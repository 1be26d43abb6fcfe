package dev.orchwiz.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connecting GitHub after sign-in, against a stand-in for GitHub's OAuth and user endpoints. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + Mailbox.SMTP_PORT,
            "orchwiz.security.public-url=http://localhost:8080",
            "orchwiz.github.client-id=test-client",
            "orchwiz.github.client-secret=test-secret",
            "orchwiz.github.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
        })
@ContextConfiguration(initializers = TestDatabase.class)
class GitHubConnectIT {

    private static final String GITHUB_TOKEN = "gho_secretTokenThatMustNeverLeak";
    private static final WireMockServer github =
            new WireMockServer(wireMockConfig().dynamicPort());

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        Mailbox.server();
        github.start();
        github.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + GITHUB_TOKEN + "\",\"token_type\":\"bearer\","
                                + "\"scope\":\"read:user\"}")));
        github.stubFor(get(urlPathEqualTo("/user"))
                .withHeader("Authorization", equalTo("Bearer " + GITHUB_TOKEN))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"login\":\"octocat\",\"id\":583231}")));
    }

    @AfterAll
    static void stop() {
        github.stop();
    }

    @DynamicPropertySource
    static void githubAt(DynamicPropertyRegistry registry) {
        registry.add("orchwiz.github.web-url", () -> "http://localhost:" + github.port());
        registry.add("orchwiz.github.api-url", () -> "http://localhost:" + github.port());
    }

    @Test
    void aSignedInUserConnectsGitHubSeesTheLoginAndNeverTheToken() {
        // given a signed-in user
        new NodeClient(port)
                .withToken(TestUsers.token(context, "ops@example.com", true))
                .send("PUT", "/api/admin/signup-policy", "{\"policy\":\"open\"}", Map.of());
        Browser browser = new Browser(port);
        browser.signInByEmail("dev@example.com");
        assertThat(browser.client.get("/api/me/github").json().get("configured").asBoolean())
                .isTrue();

        // when they go to GitHub and come back with a code
        Reply toGitHub = browser.client.get("/oauth2/authorization/github");
        assertThat(toGitHub.status()).isEqualTo(302);
        URI consent = URI.create(toGitHub.header("Location"));
        assertThat(consent.getPort()).isEqualTo(github.port());
        String state = query(consent, "state");
        Reply back = browser.client.get("/login/oauth2/code/github?code=granted&state=" + state);
        assertThat(back.status()).as(back.raw()).isEqualTo(302);
        Reply landing = browser.client.get(URI.create(back.header("Location")).getPath());

        // then the account shows the GitHub login, and the token is nowhere to be read
        assertThat(landing.status()).isEqualTo(302);
        assertThat(landing.header("Location")).isEqualTo("/settings?github=linked");
        Reply connection = browser.client.get("/api/me/github");
        assertThat(connection.json().get("login").asString()).isEqualTo("octocat");
        assertThat(browser.client.get("/api/me").raw()).contains("octocat").doesNotContain(GITHUB_TOKEN);
        byte[] stored = jdbc.queryForObject("select access_token from github_credential", byte[].class);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(GITHUB_TOKEN);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                        Long.class,
                        "%" + GITHUB_TOKEN + "%"))
                .isZero();

        // and unlinking forgets both
        assertThat(browser.delete("/api/me/github").status()).isEqualTo(204);
        assertThat(browser.client.get("/api/me/github").json().get("linked").asBoolean())
                .isFalse();
        assertThat(jdbc.queryForObject("select count(*) from github_credential", Long.class))
                .isZero();
    }

    @Test
    void gitHubIsNeverASignIn() {
        Reply anonymous = new NodeClient(port).get("/oauth2/authorization/github");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static String query(URI uri, String name) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair[0].equals(name))
                .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
    }
}
