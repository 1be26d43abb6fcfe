package dev.orchwiz.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Email one-time links, delivered to a real SMTP peer: sign-up, first admin, single use, expiry, policy. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + Mailbox.SMTP_PORT,
            "orchwiz.security.public-url=http://localhost:8080",
            "orchwiz.security.admin-emails=listed@example.com"
        })
@ContextConfiguration(initializers = TestDatabase.class)
class EmailLinkSignInIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SetupCode setupCode;

    @BeforeAll
    static void startMailServer() {
        Mailbox.server();
    }

    private NodeClient admin() {
        return new NodeClient(port).withToken(TestUsers.token(context, "ops@example.com", true));
    }

    private void policy(String policy) {
        Reply changed =
                admin().send("PUT", "/api/admin/signup-policy", "{\"policy\":\"" + policy + "\"}", java.util.Map.of());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    }

    @Test
    void theFirstAdminClaimsTheNodeWithTheSetupCodeFromTheLog() {
        Browser browser = new Browser(port);
        assertThat(browser.state().json().get("setupRequired").asBoolean()).isTrue();

        Reply wrong = browser.post(
                "/api/auth/claim-admin", "{\"email\":\"first@example.com\",\"setupCode\":\"WRONG-CODE-0000\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("INVALID_SETUP_CODE");

        Reply claimed = browser.post(
                "/api/auth/claim-admin",
                "{\"email\":\"first@example.com\",\"setupCode\":\"" + setupCode.value() + "\"}");
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(202);
        Reply signedIn = browser.useLink(Mailbox.linkTokenFor("first@example.com", 1));
        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(signedIn.json().get("newUser").asBoolean()).isTrue();

        assertThat(browser.client.get("/api/me").json().get("roles").toString()).contains("admin");
        assertThat(browser.state().json().get("setupRequired").asBoolean()).isFalse();
        Reply again = new Browser(port)
                .post(
                        "/api/auth/claim-admin",
                        "{\"email\":\"second@example.com\",\"setupCode\":\"" + setupCode.value() + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("SETUP_COMPLETE");
    }

    @Test
    void aLinkSignsUpANewUserOnceAndNeverAgain() {
        policy("open");
        Browser browser = new Browser(port);

        Reply requested = browser.requestLink("newcomer@example.com");
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().get("delivery").asString()).isEqualTo("smtp");
        String token = Mailbox.linkTokenFor("newcomer@example.com", 1);

        Reply first = browser.useLink(token);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().get("newUser").asBoolean()).isTrue();
        var me = browser.client.get("/api/me").json();
        assertThat(me.get("email").asString()).isEqualTo("newcomer@example.com");
        assertThat(me.get("emailVerified").asBoolean()).isTrue();
        assertThat(me.get("roles").toString()).doesNotContain("admin");

        Reply second = new Browser(port).useLink(token);
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.code()).isEqualTo("INVALID_LINK");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type like '%.UserEmailVerified'"
                                + " and convert_from(payload, 'UTF8') like '%newcomer@example.com%'",
                        Long.class))
                .isEqualTo(1);
    }

    @Test
    void anExpiredLinkDoesNotSignIn() {
        policy("open");
        Browser browser = new Browser(port);
        browser.requestLink("late@example.com");
        String token = Mailbox.linkTokenFor("late@example.com", 1);
        jdbc.update("update one_time_tokens set expires_at = now() - interval '1 minute' where token_value = ?", token);

        Reply expired = browser.useLink(token);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("INVALID_LINK");
        assertThat(browser.client.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void onAnInviteOnlyNodeOnlyInvitedAddressesGetALinkAndTheAnswerNeverTells() {
        policy("invite");
        Browser stranger = new Browser(port);

        Reply uninvited = stranger.requestLink("stranger@example.com");
        org.awaitility.Awaitility.await()
                .during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(2))
                .until(() -> Mailbox.to("stranger@example.com").isEmpty());

        assertThat(uninvited.status()).isEqualTo(202);
        assertThat(Mailbox.to("stranger@example.com")).isEmpty();

        Reply invited = admin().post("/api/admin/invitations", "{\"email\":\"Guest@Example.com\"}");
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        Reply signedIn = new Browser(port).signInByEmail("guest@example.com");
        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(uninvited.raw())
                .isEqualTo(new Browser(port).requestLink("nobody@example.com").raw());
    }

    @Test
    void anAddressTheOperatorListedBecomesAdminOnceVerified() {
        policy("closed");
        Reply signedIn = new Browser(port).signInByEmail("listed@example.com");
        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select admin from user_account where email = 'listed@example.com'", Boolean.class))
                .isTrue();
    }

    @Test
    void limitsLinkRequestsPerAddressAndRecordsTheFailuresOfAKnownAccount() {
        policy("open");
        TestUsers.user(context, "eager@example.com", false);
        Browser browser = new Browser(port);
        Reply last = null;
        for (int i = 0; i < 9; i++) {
            last = browser.requestLink("eager@example.com");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("RATE_LIMITED");
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry e join user_account a on a.id = e.aggregate_identifier"
                                + " where e.payload_type like '%.SignInFailed' and a.email = 'eager@example.com'",
                        Long.class))
                .isEqualTo(3);
    }

    @Test
    void refusesASignInRequestWithoutTheCsrfToken() {
        NodeClient browser = NodeClient.browser(port);
        browser.get("/api/auth/state");
        Reply refused = browser.post("/api/auth/email-link", "{\"email\":\"x@example.com\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("CSRF_REJECTED");
    }
}
