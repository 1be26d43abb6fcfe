package dev.orchwiz.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.orchwiz.NodeClient;
import dev.orchwiz.TestUsers;
import dev.orchwiz.WebhookReceiver;
import dev.orchwiz.security.Mailboxes;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The control plane as a person uses it: a PostToolUse webhook and a slash command made in the dashboard, the command
 * run in a plan-mode session, approved from the inbox, its output watched live, and the hook's signed delivery seen in
 * its log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ControlPlaneDashboardIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int PORT = SignInSteps.freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final Path WORKSPACE;
    static final WebhookReceiver RECEIVER =
            new WebhookReceiver().answer("/hook", delivery -> WebhookReceiver.Reply.of(204));

    static {
        try {
            WORKSPACE = Files.createTempDirectory("orchwiz-dashboard-workspace");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void startMailServer() {
        Mailboxes.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("orchwiz.security.public-url", () -> BASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Mailboxes.SMTP_PORT);
        registry.add("orchwiz.execution.enabled", () -> "true");
        registry.add("orchwiz.execution.workspace-root", WORKSPACE::toString);
        registry.add("orchwiz.hooks.allowed-hosts", () -> "127.0.0.1");
        registry.add("orchwiz.hooks.allow-private-networks", () -> "true");
        registry.add("orchwiz.hooks.allow-plain-http", () -> "true");
        registry.add("orchwiz.hooks.poll-interval", () -> "200ms");
    }

    @Test
    void runsACommandInPlanModeApprovesItFromTheInboxAndSeesTheHookDelivered() {
        NodeClient admin = new NodeClient(PORT).withToken(TestUsers.token(context, "ops@example.com", true));
        admin.send("PUT", "/api/admin/signup-policy", "{\"policy\":\"open\"}", Map.of());
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
            SignInSteps.signInByEmailLink(page, BASE, "control.plane@example.com");
            SignInSteps.skipWelcome(page);
            assertThat(page.getByTestId("sse-status")).hasText("live");

            // a session in plan mode: nothing runs in it without an approval
            String sessionId =
                    SignInSteps.createSession(page, "Plan-mode session " + System.nanoTime(), "Say hello", "plan");
            assertThat(page.getByTestId("session-mode")).hasText("plan");

            // a PostToolUse webhook; its secret is shown once, and the receiver verifies signatures with it
            page.navigate(BASE + "/hooks/new");
            page.getByTestId("hook-name").fill("audit log");
            page.getByTestId("hook-event").selectOption("PostToolUse");
            page.getByTestId("hook-matcher").fill("Bash");
            page.getByTestId("hook-type").selectOption("webhook");
            page.getByTestId("hook-url").fill(RECEIVER.url("/hook"));
            page.getByTestId("hook-save").click();
            assertThat(page.getByTestId("hook-secret")).containsText("whsec_");
            RECEIVER.secret = secretShown(page.getByTestId("hook-secret"));
            page.getByTestId("hook-secret-close").click();
            assertThat(page.getByTestId("hook-secret-dialog")).isHidden();
            assertThat(page).hasURL(Pattern.compile(".*/hooks/[0-9a-f-]{36}$"));
            String hookPage = page.url();

            // a slash command
            page.navigate(BASE + "/slash-commands/new");
            page.getByTestId("command-name").fill("greet");
            page.getByTestId("command-description").fill("Says hello");
            page.getByTestId("command-script").fill("echo hello $1\necho bye $1");
            page.getByTestId("command-save").click();
            page.navigate(BASE + "/slash-commands");
            Locator row = page.getByTestId("command-row-greet");
            assertThat(row).isVisible();

            // run it with an argument in the plan-mode session: it waits for an approval
            row.getByTestId("command-run-button").click();
            page.getByTestId("command-run-arguments").fill("world");
            page.getByTestId("command-run-session").selectOption(sessionId);
            page.getByTestId("command-run-submit").click();
            assertThat(page).hasURL(Pattern.compile(".*/tool-calls/[0-9a-f-]{36}$"));
            String runId = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(page.getByTestId("run-status")).hasText("awaiting_approval");
            assertThat(page.getByTestId("nav-approvals-badge")).hasText("1");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("run-awaiting-approval.png"))
                    .setFullPage(true));

            // approve it from the inbox, in one click
            page.navigate(BASE + "/tool-calls/approvals");
            Locator item = page.getByTestId("approval-item-" + runId);
            assertThat(item).isVisible();
            // the approver sees every line that will run, not a one-line summary
            assertThat(page.getByTestId("approval-summary-" + runId)).containsText("echo bye 'world'");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("approvals-inbox.png"))
                    .setFullPage(true));
            page.getByTestId("approval-approve-" + runId).click();
            assertThat(item).isHidden();
            assertThat(page.getByTestId("nav-approvals-badge")).hasText("0");

            // the run's page streams the output and ends completed, with its decision trail; a bookmark of its
            // old address (/runs/{id}) still lands there
            page.navigate(BASE + "/runs/" + runId);
            assertThat(page).hasURL(BASE + "/tool-calls/" + runId);
            LocatorAssertions.HasTextOptions slow = new LocatorAssertions.HasTextOptions().setTimeout(20_000);
            assertThat(page.getByTestId("run-status")).hasText("completed", slow);
            assertThat(page.getByTestId("run-output"))
                    .containsText("hello world", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(page.getByTestId("run-output")).containsText("bye world");
            assertThat(page.getByTestId("run-exit-code")).hasText("0");
            assertThat(page.getByTestId("run-trail").getByTestId("trail-entry").first())
                    .isVisible();
            assertThat(page.getByTestId("run-approval-by")).containsText("control.plane@example.com");
            assertThat(page.getByTestId("run-reason")).containsText("No rule matched");
            Locator runDelivery = page.locator("li[data-testid^='run-delivery-']");
            assertThat(runDelivery.getByTestId("run-delivery-status")).hasText("delivered", slow);
            assertThat(runDelivery).containsText("audit log");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("run-completed.png"))
                    .setFullPage(true));

            // the hook's log shows the delivery, which the receiver got signed with the secret shown once
            page.navigate(hookPage);
            Locator delivery = page.getByTestId("hook-deliveries").locator("[data-testid^='delivery-row-']");
            assertThat(delivery.first().getByTestId("delivery-status")).hasText("delivered", slow);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("hook-deliveries.png"))
                    .setFullPage(true));
            // the command's row counts the run and shows how it ended; the tool calls list has it too
            page.navigate(BASE + "/slash-commands");
            assertThat(page.getByTestId("command-row-greet").getByTestId("command-run-count"))
                    .hasText("1");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("slash-commands.png"))
                    .setFullPage(true));
            page.navigate(BASE + "/tool-calls");
            assertThat(page.getByTestId("run-row-" + runId)).containsText("completed");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("tool-calls.png"))
                    .setFullPage(true));

            // a policy of one's own, listed beside the built-in ones
            page.navigate(BASE + "/permissions");
            assertThat(page.getByTestId("policy-safe-core")).isVisible();
            page.getByTestId("policy-new").click();
            page.getByTestId("policy-slug").fill("no-push");
            page.getByTestId("policy-title").fill("No pushing");
            page.getByTestId("policy-rule-text-0").fill("Bash(git push*)");
            page.getByTestId("policy-rule-outcome-0").selectOption("deny");
            page.getByTestId("policy-save").click();
            assertThat(page.getByTestId("policy-no-push")).containsText("Bash(git push*)");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("permissions.png"))
                    .setFullPage(true));

            assertThat(RECEIVER.verified).hasSize(1);
            assertThat(RECEIVER.verified.get(0))
                    .contains("\"hook_event_name\":\"PostToolUse\"")
                    .contains(runId);
        }
    }

    /** The secret as the dialog shows it: a code element or an input, whichever the component renders. */
    private static String secretShown(Locator secret) {
        String tag = (String) secret.evaluate("element => element.tagName");
        return ("INPUT".equals(tag) ? secret.inputValue() : secret.innerText()).trim();
    }
}
