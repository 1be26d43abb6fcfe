package dev.orchwiz.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.orchwiz.NodeClient;
import dev.orchwiz.PoisonedEvents;
import dev.orchwiz.TestUsers;
import dev.orchwiz.security.Mailboxes;
import dev.orchwiz.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator finds out that a read model could not apply an event, sees why, and clears it, all from the dashboard:
 * the event is poisoned in the store (a NUL that PostgreSQL cannot store), every other session still shows, and the
 * Read models page names the dead letter and its cause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ReadModelsDashboardIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int PORT = SignInSteps.freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final String OPERATOR = "operator@example.com";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startMailServer() {
        Mailboxes.start();
    }

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("orchwiz.security.public-url", () -> BASE);
        registry.add("orchwiz.security.admin-emails", () -> OPERATOR);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Mailboxes.SMTP_PORT);
    }

    @Test
    void showsTheDeadLetterAndItsCauseAndEvictsIt() {
        NodeClient member = new NodeClient(PORT).withToken(TestUsers.token(context, "ada@example.com", false));
        String poisoned = PoisonedEvents.sessionStartedWithTitle(member, jdbc, "a\u0000b");
        String after = member.post("/api/sessions", "{\"title\":\"after the poisoned one\"}")
                .json()
                .get("id")
                .asString();
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
            page.onDialog(dialog -> dialog.accept());
            SignInSteps.signInByEmailLink(page, BASE, OPERATOR);
            SignInSteps.skipWelcome(page);

            // the operator reaches the page from the Administration navigation
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.NAVIGATION,
                            new Page.GetByRoleOptions().setName("Administration"))
                    .getByRole(
                            com.microsoft.playwright.options.AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("Read models"))
                    .click();
            Locator sessions = page.locator("[data-testid=projection-row][data-projection=sessions]");
            assertThat(sessions.getByTestId("projection-dead-letters")).containsText("1 dead letter");
            assertThat(sessions.getByTestId("projection-state")).containsText("dead letters");
            Locator letter = page.getByTestId("dead-letter").filter(new Locator.FilterOptions().setHasText(poisoned));
            assertThat(letter.getByTestId("dead-letter-type")).containsText("SessionStarted");
            assertThat(letter.getByTestId("dead-letter-cause")).containsText("0x00");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("read-models-dead-letter.png"))
                    .setFullPage(true));

            // the rest kept flowing meanwhile
            org.assertj.core.api.Assertions.assertThat(member.get("/api/sessions/" + after + "?minVersion=0")
                            .status())
                    .isEqualTo(200);

            // evicting it (after confirming) leaves the read model caught up
            letter.getByTestId("dead-letter-evict").click();
            assertThat(letter).hasCount(0);
            assertThat(sessions.getByTestId("projection-state")).containsText("caught up");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("read-models-caught-up.png"))
                    .setFullPage(true));
        }
    }
}
