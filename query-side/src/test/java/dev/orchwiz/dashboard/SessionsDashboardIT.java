package dev.orchwiz.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.orchwiz.NodeClient;
import dev.orchwiz.testing.TestDatabase;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** A person's first minute with the dashboard: create a session, open it, switch its mode, in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SessionsDashboardIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Test
    void createsOpensAndSwitchesTheModeOfASession() {
        String base = "http://localhost:" + port;
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));

            // the dashboard loads, lists the areas still to come, and goes live
            page.navigate(base + "/");
            assertThat(page).hasURL(Pattern.compile(".*/sessions$"));
            assertThat(page.getByTestId("sse-status")).hasText("live");
            assertThat(page.getByTestId("nav-approvals")).isVisible();

            // create
            String title = "E2E session " + System.nanoTime();
            page.getByTestId("create-session-title").fill(title);
            page.getByTestId("create-session-prompt").fill("Make the flaky test green");
            page.getByTestId("create-session-mode").selectOption("plan");
            page.getByTestId("create-session-submit").click();

            // open: creating navigates to the new session's page
            assertThat(page).hasURL(Pattern.compile(".*/sessions/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("session-title")).hasText(title);
            assertThat(page.getByTestId("session-status")).hasText("planning");
            assertThat(page.getByTestId("session-mode")).hasText("plan");
            String id = page.url().substring(page.url().lastIndexOf('/') + 1);

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

            // the change is real: the node's API agrees
            NodeClient node = new NodeClient(port);
            var session = node.get("/api/sessions/" + id + "?minVersion=3").json();
            assertThat(session.get("mode").asString()).isEqualTo("auto_accept");
            assertThat(session.get("status").asString()).isEqualTo("executing");

            // and the list shows it
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Sessions").setExact(true))
                    .first()
                    .click();
            assertThat(page.getByTestId("session-link")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title)))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("sessions-page.png"))
                    .setFullPage(true));

            // a deep link works on a fresh load
            page.navigate(base + "/sessions/" + id);
            assertThat(page.getByTestId("session-title")).hasText(title);
        }
    }
}
