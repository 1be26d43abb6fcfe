package dev.orchwiz.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
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

/**
 * A new user, in a real browser: signs up with an email link, adds a passkey (Chromium's virtual authenticator over
 * CDP), signs out, and signs back in with the passkey.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SignUpWithPasskeyIT {

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
    void signsUpAddsAPasskeySignsOutAndSignsInWithThePasskey() {
        new NodeClient(PORT)
                .withToken(TestUsers.token(context, "ops@example.com", true))
                .send("PUT", "/api/admin/signup-policy", "{\"policy\":\"open\"}", Map.of());
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright);
                BrowserContext session =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1300, 900))) {
            Page page = session.newPage();
            CDPSession cdp = session.newCDPSession(page);
            cdp.send("WebAuthn.enable");
            JsonObject authenticator = new JsonObject();
            authenticator.addProperty("protocol", "ctap2");
            authenticator.addProperty("transport", "internal");
            authenticator.addProperty("hasResidentKey", true);
            authenticator.addProperty("hasUserVerification", true);
            authenticator.addProperty("isUserVerified", true);
            authenticator.addProperty("automaticPresenceSimulation", true);
            JsonObject options = new JsonObject();
            options.add("options", authenticator);
            cdp.send("WebAuthn.addVirtualAuthenticator", options);

            // sign up with an email link; the welcome step offers a passkey
            SignInSteps.signInByEmailLink(page, BASE, "newcomer@example.com");
            page.getByTestId("welcome-add-passkey").click();
            page.getByTestId("passkey-label-input").fill("Virtual authenticator");
            page.getByTestId("passkey-register-submit").click();
            assertThat(page).hasURL(Pattern.compile(".*/sessions$"));

            // the passkey is listed in settings
            page.navigate(BASE + "/settings");
            assertThat(page.getByTestId("passkey-item")).hasCount(1);
            assertThat(page.getByTestId("passkey-list")).containsText("Virtual authenticator");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("settings-page.png"))
                    .setFullPage(true));

            // sign out
            page.getByTestId("sign-out").click();
            assertThat(page).hasURL(Pattern.compile(".*/login.*"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login-page.png")));

            // and back in with the passkey alone
            page.getByTestId("login-passkey").click();
            assertThat(page).hasURL(Pattern.compile(".*/sessions$"));
            assertThat(page.getByTestId("user-menu-email")).containsText("newcomer@example.com");
        }
    }
}
