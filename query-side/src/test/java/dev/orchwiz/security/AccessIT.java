package dev.orchwiz.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.testing.TestDatabase;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Nobody reaches data without signing in; tokens, CSRF, scopes and sessions behave as documented. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + Mailbox.SMTP_PORT,
            "orchwiz.security.public-url=http://localhost:8080",
            "orchwiz.security.rate-limit.per-account-per-15-minutes=100",
            "orchwiz.security.rate-limit.per-address-per-minute=1000"
        })
@ContextConfiguration(initializers = TestDatabase.class)
class AccessIT {

    private static final String SOME_ID = "6f1c1d5e-9b7a-4c1e-8f6a-000000000000";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    NodeClient admin;

    @BeforeAll
    static void startMailServer() {
        Mailbox.server();
    }

    @BeforeEach
    void openSignUp() {
        admin = new NodeClient(port).withToken(TestUsers.token(context, "ops@example.com", true));
        admin.send("PUT", "/api/admin/signup-policy", "{\"policy\":\"open\"}", Map.of());
    }

    @Test
    void everyApiEndpointAnswers401Anonymously() {
        NodeClient anonymous = new NodeClient(port);
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/api/sessions"},
                new String[] {"POST", "/api/sessions"},
                new String[] {"GET", "/api/sessions/" + SOME_ID},
                new String[] {"GET", "/api/sessions/" + SOME_ID + "/interactions"},
                new String[] {"PATCH", "/api/sessions/" + SOME_ID},
                new String[] {"POST", "/api/sessions/" + SOME_ID + "/mode"},
                new String[] {"POST", "/api/sessions/" + SOME_ID + "/status"},
                new String[] {"POST", "/api/sessions/" + SOME_ID + "/prompt"},
                new String[] {"POST", "/api/sessions/" + SOME_ID + "/interactions"},
                new String[] {"POST", "/api/sessions/" + SOME_ID + "/fork"},
                new String[] {"DELETE", "/api/sessions/" + SOME_ID},
                new String[] {"GET", "/api/events/stream"},
                new String[] {"GET", "/api/events/types"},
                new String[] {"GET", "/api/admin/projections"},
                new String[] {"POST", "/api/admin/projections/sessions/rebuild"},
                new String[] {"GET", "/api/admin/users"},
                new String[] {"GET", "/api/admin/signup-policy"},
                new String[] {"GET", "/api/admin/invitations"},
                new String[] {"GET", "/api/me"},
                new String[] {"GET", "/api/me/passkeys"},
                new String[] {"GET", "/api/me/tokens"},
                new String[] {"POST", "/api/me/tokens"},
                new String[] {"POST", "/api/me/sign-out-everywhere"});
        for (String[] endpoint : endpoints) {
            Reply reply = anonymous.send(endpoint[0], endpoint[1], endpoint[0].equals("GET") ? null : "{}", Map.of());
            assertThat(reply.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            assertThat(reply.code()).as(endpoint[0] + " " + endpoint[1]).isEqualTo("UNAUTHENTICATED");
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(anonymous.get("/api/auth/state").status()).isEqualTo(200);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
    }

    @Test
    void aBrowserWriteWithoutTheCsrfTokenIsRefused() {
        Browser browser = new Browser(port);
        browser.signInByEmail("csrf@example.com");

        Reply withoutToken = browser.client.post("/api/sessions", "{\"title\":\"forged\"}");
        Reply withToken = browser.post("/api/sessions", "{\"title\":\"real\"}");

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.code()).isEqualTo("CSRF_REJECTED");
        assertThat(withToken.status()).isEqualTo(201);
    }

    @Test
    void anApiTokenWorksUntilItIsRevokedAndIsShownOnlyOnce() {
        // given a user signed in in a browser who creates a token
        Browser browser = new Browser(port);
        browser.signInByEmail("scripter@example.com");
        Reply created = browser.post(
                "/api/me/tokens", "{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"],\"expiresInDays\":30}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String token = created.json().get("token").asString();
        String tokenId = created.json().get("id").asString();
        assertThat(token).startsWith("owz_");

        // when a script uses it
        NodeClient script = new NodeClient(port).withToken(token);
        Reply me = script.get("/api/me");
        Reply session = script.post("/api/sessions", "{\"title\":\"from a script\"}");

        // then it acts as the user, and the list shows the token without its secret
        assertThat(me.json().get("email").asString()).isEqualTo("scripter@example.com");
        assertThat(session.status()).isEqualTo(201);
        Reply list = browser.client.get("/api/me/tokens");
        assertThat(list.raw()).contains(tokenId, token.substring(0, 12)).doesNotContain(token);
        assertThat(list.json().get("items").get(0).get("lastUsedAt").isNull()).isFalse();

        // and once revoked it stops at once
        assertThat(browser.delete("/api/me/tokens/" + tokenId).status()).isEqualTo(204);
        Reply after = script.get("/api/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anInvalidBearerTokenIsRefusedEvenWithAValidSessionCookie() {
        Browser browser = new Browser(port);
        browser.signInByEmail("both@example.com");
        Reply reply =
                browser.client.send("GET", "/api/me", null, Map.of("Authorization", "Bearer owz_" + "x".repeat(43)));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("INVALID_TOKEN");
        assertThat(browser.client.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void tokenRequestsAreStatelessAndGetNoSession() {
        String token = TestUsers.token(context, "script@example.com", false);
        NodeClient script = NodeClient.browser(port).withToken(token);
        Reply reply = script.get("/api/sessions");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("SESSION=") || cookie.startsWith("JSESSIONID"));
    }

    @Test
    void tokenRequestsGetNoCsrfCookieWhileBrowsersStillDo() {
        NodeClient script = new NodeClient(port).withToken(TestUsers.token(context, "cookieless@example.com", false));

        List<Reply> tokenReplies = List.of(
                script.get("/api/sessions"),
                script.post("/api/sessions", "{\"title\":\"no cookie\"}"),
                script.get("/api/auth/state"));
        Reply browserState = new NodeClient(port).get("/api/auth/state");

        assertThat(tokenReplies).extracting(Reply::status).containsExactly(200, 201, 200);
        for (Reply reply : tokenReplies) {
            assertThat(reply.headers().allValues("Set-Cookie"))
                    .as(reply.raw())
                    .noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
        }
        assertThat(browserState.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
    }

    @Test
    void tokenScopesLimitWhatATokenMayDo() {
        String readOnly = TestUsers.token(context, "reader@example.com", false, EnumSet.of(TokenScope.READ));
        NodeClient reader = new NodeClient(port).withToken(readOnly);

        assertThat(reader.get("/api/sessions").status()).isEqualTo(200);
        Reply write = reader.post("/api/sessions", "{}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("FORBIDDEN_SCOPE");

        String adminWithoutAdminScope =
                TestUsers.token(context, "ops@example.com", true, EnumSet.of(TokenScope.READ, TokenScope.WRITE));
        Reply adminPath = new NodeClient(port).withToken(adminWithoutAdminScope).get("/api/admin/users");
        assertThat(adminPath.status()).isEqualTo(403);
        assertThat(adminPath.code()).isEqualTo("FORBIDDEN_SCOPE");
    }

    @Test
    void aTokenCannotIssueATokenWithMoreThanItHolds() {
        // given an admin's script holding a read+write token that expires in 30 days
        String userId = TestUsers.user(context, "rotator@example.com", true);
        Browser browser = new Browser(port);
        browser.signInByEmail("rotator@example.com");
        Reply issued = browser.post(
                "/api/me/tokens", "{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"],\"expiresInDays\":30}");
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        NodeClient script =
                new NodeClient(port).withToken(issued.json().get("token").asString());
        long eventsBefore = tokenEvents(userId);

        // when it asks for an admin token, or one that outlives it
        Reply admin = script.post("/api/me/tokens", "{\"name\":\"root\",\"scopes\":[\"admin\"]}");
        Reply forever = script.post("/api/me/tokens", "{\"name\":\"forever\",\"scopes\":[\"read\"]}");
        Reply longer =
                script.post("/api/me/tokens", "{\"name\":\"longer\",\"scopes\":[\"read\"],\"expiresInDays\":365}");

        // then each is refused and nothing is issued
        for (Reply refused : List.of(admin, forever, longer)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("TOKEN_SCOPE_EXCEEDS_CALLER");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.raw()).doesNotContain("owz_");
        }
        assertThat(tokenEvents(userId)).isEqualTo(eventsBefore);
        assertThat(browser.client.get("/api/me/tokens").json().get("totalItems").asLong())
                .isEqualTo(1);

        // and a narrower, shorter-lived token is issued, and holds only what it was given
        Reply narrower =
                script.post("/api/me/tokens", "{\"name\":\"reader\",\"scopes\":[\"read\"],\"expiresInDays\":7}");
        assertThat(narrower.status()).as(narrower.raw()).isEqualTo(201);
        NodeClient reader =
                new NodeClient(port).withToken(narrower.json().get("token").asString());
        assertThat(reader.get("/api/sessions").status()).isEqualTo(200);
        assertThat(reader.post("/api/sessions", "{}").code()).isEqualTo("FORBIDDEN_SCOPE");
        assertThat(tokenEvents(userId)).isEqualTo(eventsBefore + 1);
        // while the signed-in person, an admin, still issues an admin token
        assertThat(browser.post("/api/me/tokens", "{\"name\":\"ops\",\"scopes\":[\"admin\"]}")
                        .status())
                .isEqualTo(201);
    }

    private long tokenEvents(String userId) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type like '%ApiTokenIssued'",
                        Long.class, userId);
    }

    @Test
    void membersAreToldAdministrationDoesNotExist() {
        Browser member = new Browser(port);
        member.signInByEmail("member@example.com");
        assertThat(member.client.get("/api/admin/users").status()).isEqualTo(404);
        assertThat(member.client.get("/api/admin/projections").status()).isEqualTo(404);
        assertThat(member.post("/api/admin/invitations", "{\"email\":\"x@example.com\"}")
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/admin/users").status()).isEqualTo(200);
    }

    @Test
    void anAdminGrantsAndRevokesAdminButNeverTheLastOne() {
        String memberId = TestUsers.user(context, "promoted@example.com", false);
        Reply granted = admin.post("/api/admin/users/" + memberId + "/roles", "{\"role\":\"admin\",\"granted\":true}");
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        assertThat(granted.json().get("roles").toString()).contains("admin");
        Reply revoked = admin.post("/api/admin/users/" + memberId + "/roles", "{\"role\":\"admin\",\"granted\":false}");
        assertThat(revoked.json().get("roles").toString()).doesNotContain("admin");
    }

    @Test
    void aRoleRevokedStopsTheHoldersTokenAtOnceThoughItsGrantIsRemembered() {
        String deputyId = TestUsers.user(context, "deputy@example.com", true);
        NodeClient deputy = new NodeClient(port).withToken(TestUsers.token(context, "deputy@example.com", true));
        // Used twice, so the node remembers the grant (TokenGrants) before the role changes.
        assertThat(deputy.get("/api/admin/users").status()).isEqualTo(200);
        assertThat(deputy.get("/api/admin/users").status()).isEqualTo(200);

        Reply revoked = admin.post("/api/admin/users/" + deputyId + "/roles", "{\"role\":\"admin\",\"granted\":false}");
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);

        assertThat(deputy.get("/api/admin/users").status()).isEqualTo(404);
        assertThat(deputy.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEveryBrowserSession() {
        Browser laptop = new Browser(port);
        Browser phone = new Browser(port);
        laptop.signInByEmail("traveller@example.com");
        phone.signInByEmail("traveller@example.com");
        assertThat(phone.client.get("/api/me").status()).isEqualTo(200);

        assertThat(laptop.post("/api/me/sign-out-everywhere", "{}").status()).isEqualTo(204);

        Reply phoneAfter = phone.client.get("/api/me");
        assertThat(phoneAfter.status()).isEqualTo(401);
        assertThat(laptop.client.get("/api/me").status()).isEqualTo(401);
        Browser again = new Browser(port);
        again.signInByEmail("traveller@example.com");
        assertThat(again.client.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        Browser browser = new Browser(port);
        browser.signInByEmail("leaver@example.com");
        assertThat(browser.post("/logout", "").status()).isEqualTo(204);
        assertThat(browser.client.get("/api/me").status()).isEqualTo(401);
    }
}
