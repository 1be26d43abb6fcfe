package dev.orchwiz.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.orchwiz.NodeClient;
import dev.orchwiz.TestUsers;
import dev.orchwiz.security.Mailboxes;
import dev.orchwiz.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A person's first minute with the dashboard: sign in, create a session, open it, switch its mode, prompt it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SessionsDashboardIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int PORT = SignInSteps.freePort();
    static final String BASE = "http://localhost:" + PORT;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void startMailServer() {
        Mailboxes.start();
    }

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("orchwiz.security.public-url", () -> BASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Mailboxes.SMTP_PORT);
    }

    @Test
    void createsOpensAndSwitchesTheModeOfASession() {
        NodeClient admin = new NodeClient(PORT).withToken(TestUsers.token(context, "ops@example.com", true));
        admin.send("PUT", "/api/admin/signup-policy", "{\"policy\":\"open\"}", Map.of());
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));

            // signed out, the dashboard asks to sign in; an email link signs in
            page.navigate(BASE + "/");
            assertThat(page).hasURL(Pattern.compile(".*/login.*"));
            SignInSteps.signInByEmailLink(page, BASE, "first.minute@example.com");
            SignInSteps.skipWelcome(page);
            assertThat(page.getByTestId("sse-status")).hasText("live");
            assertThat(page.getByTestId("user-menu-email")).containsText("first.minute@example.com");

            // create
            String title = "E2E session " + System.nanoTime();
            // open: creating navigates to the new session's page
            String id = SignInSteps.createSession(page, title, "Make the flaky test green", "plan");
            assertThat(page.getByTestId("session-title")).hasText(title);
            assertThat(page.getByTestId("session-status")).hasText("planning");
            assertThat(page.getByTestId("session-mode")).hasText("plan");

            // change mode
            page.getByTestId("session-mode-toggle").click();
            assertThat(page.getByTestId("session-mode")).hasText("auto_accept");

            // prompt: the timeline shows it and the session starts executing
            page.getByTestId("session-prompt-input").fill("Start with the CI logs");
            page.getByTestId("session-prompt-submit").click();
            assertThat(page.getByTestId("timeline-item")).hasCount(1);
            assertThat(page.getByTestId("session-status")).hasText("executing");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("session-page.png"))
                    .setFullPage(true));

            // the change is real: the node's API agrees (as the admin, since it is the user's session)
            var session = admin.get("/api/sessions/" + id + "?minVersion=3").json();
            assertThat(session.get("mode").asString()).isEqualTo("auto_accept");
            assertThat(session.get("status").asString()).isEqualTo("executing");

            // and the list shows it
            page.navigate(BASE + "/sessions");
            assertThat(page.getByTestId("session-link").filter(new Locator.FilterOptions().setHasText(title)))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("sessions-page.png"))
                    .setFullPage(true));

            // a deep link works on a fresh load
            page.navigate(BASE + "/sessions/" + id);
            assertThat(page.getByTestId("session-title")).hasText(title);
        }
    }
}
