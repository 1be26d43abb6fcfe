package dev.orchwiz.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Passkeys end to end over HTTP with a software authenticator: register, sign in, list, remove. */
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
class PasskeySignInIT {

    private static final String ORIGIN = "http://localhost:8080";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startMailServer() {
        Mailbox.server();
    }

    private void openSignUp() {
        new NodeClient(port)
                .withToken(TestUsers.token(context, "ops@example.com", true))
                .send("PUT", "/api/admin/signup-policy", "{\"policy\":\"open\"}", Map.of());
    }

    private static void addPasskey(Browser browser, PasskeyEmulator passkey, String label) {
        Reply options = browser.post("/webauthn/register/options", "");
        assertThat(options.status()).as(options.raw()).isEqualTo(200);
        Reply registered = browser.post("/webauthn/register", passkey.register(options.raw(), label));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(200);
    }

    private static Reply signInWithPasskey(Browser browser, PasskeyEmulator passkey) {
        Reply options = browser.post("/webauthn/authenticate/options", "");
        assertThat(options.status()).as(options.raw()).isEqualTo(200);
        return browser.post("/login/webauthn", passkey.authenticate(options.raw()));
    }

    @Test
    void aUserAddsAPasskeySignsOutAndSignsBackInWithIt() {
        // given a user who signed up with an email link
        openSignUp();
        Browser browser = new Browser(port);
        browser.signInByEmail("ada@example.com");
        PasskeyEmulator laptop = new PasskeyEmulator(ORIGIN);

        // when they add a passkey and sign out
        addPasskey(browser, laptop, "Laptop");
        var passkeys = browser.client.get("/api/me/passkeys").json();
        assertThat(passkeys.findValuesAsString("label")).containsExactly("Laptop");
        assertThat(browser.client.get("/api/me").json().get("passkeys").asInt()).isEqualTo(1);
        browser.post("/logout", "");
        assertThat(browser.client.get("/api/me").status()).isEqualTo(401);

        // then the passkey signs them in again, in a fresh browser too
        Reply signedIn = signInWithPasskey(browser, laptop);
        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(browser.client.get("/api/me").json().get("email").asString()).isEqualTo("ada@example.com");
        Browser other = new Browser(port);
        assertThat(signInWithPasskey(other, laptop).status()).isEqualTo(200);
        assertThat(other.client.get("/api/sessions").status()).isEqualTo(200);

        // and the store recorded it as a decision
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type like '%.PasskeyAdded'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aRemovedPasskeyNoLongerSignsIn() {
        openSignUp();
        Browser browser = new Browser(port);
        browser.signInByEmail("forgetful@example.com");
        PasskeyEmulator lost = new PasskeyEmulator(ORIGIN);
        addPasskey(browser, lost, "Lost phone");
        String id =
                browser.client.get("/api/me/passkeys").json().get(0).get("id").asString();
        assertThat(browser.delete("/api/me/passkeys/" + id + "?confirm=true").status())
                .isEqualTo(204);

        Browser thief = new Browser(port);
        Reply refused = signInWithPasskey(thief, lost);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("PASSKEY_REJECTED");
        assertThat(thief.client.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void onlyItsOwnerRemovesAPasskey() {
        openSignUp();
        Browser owner = new Browser(port);
        owner.signInByEmail("owner@example.com");
        addPasskey(owner, new PasskeyEmulator(ORIGIN), "Owner's phone");
        String id = owner.client.get("/api/me/passkeys").json().get(0).get("id").asString();
        Browser other = new Browser(port);
        other.signInByEmail("other@example.com");

        Reply refused = other.delete("/api/me/passkeys/" + id + "?confirm=true");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("PASSKEY_NOT_FOUND");
        assertThat(owner.client.get("/api/me/passkeys").json().size()).isEqualTo(1);
        assertThat(owner.client.get("/api/me").json().get("passkeys").asInt()).isEqualTo(1);
    }

    @Test
    void aPasskeyFromAnotherOriginIsRefused() {
        openSignUp();
        Browser browser = new Browser(port);
        browser.signInByEmail("phish@example.com");
        Reply options = browser.post("/webauthn/register/options", "");
        Reply registered = browser.post(
                "/webauthn/register", new PasskeyEmulator("https://evil.example").register(options.raw(), "Evil"));
        assertThat(registered.status()).as(registered.raw()).isBetween(400, 499);
        assertThat(browser.client.get("/api/me/passkeys").json().size()).isZero();
    }

    @Test
    void removingTheLastPasskeyNeedsAConfirmation() {
        openSignUp();
        Browser browser = new Browser(port);
        browser.signInByEmail("careful@example.com");
        PasskeyEmulator phone = new PasskeyEmulator(ORIGIN);
        PasskeyEmulator laptop = new PasskeyEmulator(ORIGIN);
        addPasskey(browser, phone, "Phone");
        addPasskey(browser, laptop, "Laptop");
        var passkeys = browser.client.get("/api/me/passkeys").json();
        String first = passkeys.get(0).get("id").asString();
        String second = passkeys.get(1).get("id").asString();

        assertThat(browser.delete("/api/me/passkeys/" + first).status()).isEqualTo(204);
        Reply last = browser.delete("/api/me/passkeys/" + second);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.code()).isEqualTo("LAST_PASSKEY");
        assertThat(browser.delete("/api/me/passkeys/" + second + "?confirm=true")
                        .status())
                .isEqualTo(204);
        assertThat(browser.client.get("/api/me/passkeys").json().size()).isZero();
        assertThat(browser.client.get("/api/me").json().get("passkeys").asInt()).isZero();
    }
}
