package dev.orchwiz.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.orchwiz.security.Mailboxes;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.regex.Pattern;

/** What a person does through the dashboard, step by step: sign in, and open a first session. */
final class SignInSteps {

    private SignInSteps() {}

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Requests an email link on the login page, opens it from the mailbox, and confirms. Answers at the welcome step. */
    static void signInByEmailLink(Page page, String base, String email) {
        int before = Mailboxes.count(email);
        page.navigate(base + "/login");
        page.getByTestId("login-email-input").fill(email);
        page.getByTestId("login-email-submit").click();
        assertThat(page.getByTestId("login-email-sent")).isVisible();
        String token = Mailboxes.linkToken(email, before + 1);
        page.navigate(base + "/login/ott?token=" + token);
        page.getByTestId("ott-submit").click();
    }

    static void skipWelcome(Page page) {
        page.getByTestId("welcome-skip").click();
        assertThat(page).hasURL(Pattern.compile(".*/sessions$"));
    }

    /** Fills the create-session form on the sessions page and submits it; answers the new session's id. */
    static String createSession(Page page, String title, String prompt, String mode) {
        page.getByTestId("create-session-title").fill(title);
        page.getByTestId("create-session-prompt").fill(prompt);
        page.getByTestId("create-session-mode").selectOption(mode);
        page.getByTestId("create-session-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/sessions/[0-9a-f-]{36}$"));
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }
}
