package dev.orchwiz.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.orchwiz.NodeClient;
import dev.orchwiz.TestUsers;
import dev.orchwiz.security.Mailboxes;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new user with no model key at all: a plan-mode session on the deterministic local runtime asks for a command, the
 * user approves it in the conversation, sees the answer stream in, and opens the run's trace (cost 0).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class RunsDashboardIT {

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
        registry.add("orchwiz.execution.enabled", () -> "true");
        try {
            Path workspace = Files.createTempDirectory("orchwiz-runs-ui");
            registry.add("orchwiz.execution.workspace-root", workspace::toString);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Test
    void aLocalRunAsksApprovesAnswersAndShowsItsTrace() {
        NodeClient admin = new NodeClient(PORT).withToken(TestUsers.token(context, "ops@example.com", true));
        admin.send("PUT", "/api/admin/signup-policy", "{\"policy\":\"open\"}", Map.of());
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
            page.navigate(BASE + "/");
            SignInSteps.signInByEmailLink(page, BASE, "no.key@example.com");
            SignInSteps.skipWelcome(page);
            assertThat(page.getByTestId("sse-status")).hasText("live");
            SignInSteps.createSession(page, "Try the local runtime " + System.nanoTime(), "", "plan");

            // the prompt box offers the local runtime, labelled as no model
            page.getByTestId("prompt-runtime").selectOption("local");
            assertThat(page.getByTestId("prompt-local-hint")).isVisible();
            page.getByTestId("session-prompt-input").fill("Say hello.\nrun: echo hello-from-the-browser");
            page.getByTestId("session-prompt-submit").click();

            // plan mode: the Bash call waits for the person, right in the conversation
            assertThat(page.getByTestId("agent-run-tool-call-approve")).isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("run-awaiting-approval.png"))
                    .setFullPage(true));
            page.getByTestId("agent-run-tool-call-approve").click();

            // the result goes back to the model and its answer appears, with usage at no cost
            assertThat(page.getByTestId("agent-run-answer")).containsText("hello-from-the-browser");
            assertThat(page.getByTestId("agent-run-cost").first()).containsText("0");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("run-answered.png"))
                    .setFullPage(true));

            // the trace: the run, two model calls and the tool call as a waterfall
            page.getByTestId("agent-run-trace-link").first().click();
            assertThat(page.getByTestId("trace-waterfall")).isVisible();
            assertThat(page.getByTestId("span-bar")).hasCount(4);
            page.getByTestId("span-bar").nth(1).click();
            assertThat(page.getByTestId("span-attributes")).containsText("gen_ai");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("run-trace.png"))
                    .setFullPage(true));

            // and the observability page counts it
            page.navigate(BASE + "/observability");
            assertThat(page.getByTestId("observability-page")).isVisible();
            assertThat(page.getByTestId("usage-row-local-echo")).isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("observability.png"))
                    .setFullPage(true));
        }
    }
}
