package dev.orchwiz.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.orchwiz.security.Mailboxes;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.regex.Pattern;

/** What a person does to sign in through the dashboard, step by step. */
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
}
