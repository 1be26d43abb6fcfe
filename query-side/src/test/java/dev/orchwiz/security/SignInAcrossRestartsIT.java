package dev.orchwiz.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestNodes;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Browser sessions live in the node's database: a restart signs nobody out, "keep me signed in" makes the cookie
 * outlive the browser, and "sign out everywhere" deletes every stored session of the account at once.
 */
class SignInAcrossRestartsIT {

    private static final String EMAIL = "returning@example.com";

    @BeforeAll
    static void startMailServer() {
        Mailbox.server();
    }

    private static ConfigurableApplicationContext start(TestDatabase.Database database) {
        return TestNodes.start(
                database,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + Mailbox.SMTP_PORT,
                "--orchwiz.security.public-url=http://localhost:8080");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** The session cookie alone, as a browser that kept it sends it to the restarted node. */
    private static Reply withCookie(ConfigurableApplicationContext node, String session, String method, String path) {
        return new NodeClient(port(node)).send(method, path, null, Map.of("Cookie", "SESSION=" + session));
    }

    private static String sessionCookie(Reply signIn) {
        return signIn.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + signIn.headers()));
    }

    private static long storedSessionsOf(ConfigurableApplicationContext node, String userId) {
        return node.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from spring_session where principal_name = ?", Long.class, userId);
    }

    @Test
    void aRememberedSignInSurvivesARestartUntilTheUserSignsOutEverywhere() {
        TestDatabase.Database database = TestDatabase.create();
        String session;
        String userId;
        try (ConfigurableApplicationContext first = start(database)) {
            // given a user who signs in by email link with "keep me signed in" ticked
            userId = TestUsers.user(first, EMAIL, false);
            Browser browser = new Browser(port(first));
            int mailsBefore = Mailbox.to(EMAIL).size();
            assertThat(browser.requestLink(EMAIL, true).status()).isEqualTo(202);
            assertThat(Mailbox.newestBody(EMAIL, mailsBefore + 1)).contains("&remember-me=true");
            Reply signedIn = browser.useLinkRemembered(Mailbox.linkTokenFor(EMAIL, mailsBefore + 1));
            assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);

            // then the cookie is a persistent one, and the session is stored under the account
            assertThat(sessionCookie(signedIn)).containsIgnoringCase("Max-Age=");
            session = browser.client.cookie("SESSION");
            assertThat(withCookie(first, session, "GET", "/api/me").status()).isEqualTo(200);
            assertThat(storedSessionsOf(first, userId)).isEqualTo(1);
        }

        // when the node restarts on the same database
        try (ConfigurableApplicationContext second = start(database)) {

            // then the same cookie still signs the user in
            Reply me = withCookie(second, session, "GET", "/api/me");
            assertThat(me.status()).as(me.raw()).isEqualTo(200);
            assertThat(me.json().get("email").asString()).isEqualTo(EMAIL);

            // and when the user signs out everywhere from another browser
            Browser elsewhere = new Browser(port(second));
            assertThat(elsewhere.signInByEmail(EMAIL).status()).isEqualTo(200);
            assertThat(storedSessionsOf(second, userId)).isEqualTo(2);
            Reply signedOut = elsewhere.post("/api/me/sign-out-everywhere", "");
            assertThat(signedOut.status()).as(signedOut.raw()).isEqualTo(204);

            // then every stored session of the account is gone at once, and the remembered cookie no longer works
            assertThat(storedSessionsOf(second, userId)).isZero();
            Reply ended = withCookie(second, session, "GET", "/api/me");
            assertThat(ended.status()).isEqualTo(401);
            assertThat(ended.code()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void withoutKeepMeSignedInTheCookieEndsWithTheBrowserButTheSessionSurvivesARestart() {
        TestDatabase.Database database = TestDatabase.create();
        String session;
        try (ConfigurableApplicationContext first = start(database)) {
            TestUsers.user(first, EMAIL, false);
            Browser browser = new Browser(port(first));
            Reply signedIn = browser.signInByEmail(EMAIL);
            assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
            assertThat(Mailbox.newestBody(EMAIL, Mailbox.to(EMAIL).size())).doesNotContain("remember-me");

            // a browser-session cookie: no Max-Age, no Expires
            List<String> attributes =
                    List.of(sessionCookie(signedIn).toLowerCase().split(";\\s*"));
            assertThat(attributes).noneMatch(attribute -> attribute.startsWith("max-age"));
            assertThat(attributes).noneMatch(attribute -> attribute.startsWith("expires"));
            session = browser.client.cookie("SESSION");
        }

        try (ConfigurableApplicationContext second = start(database)) {
            assertThat(withCookie(second, session, "GET", "/api/me").status()).isEqualTo(200);
        }
    }
}
