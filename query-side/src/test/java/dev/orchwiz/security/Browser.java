package dev.orchwiz.security;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import java.util.HashMap;
import java.util.Map;

/** A cookie-keeping client that behaves like the dashboard: fetches its CSRF cookie and echoes it on writes. */
final class Browser {

    final NodeClient client;

    Browser(int port) {
        this.client = NodeClient.browser(port);
    }

    Reply state() {
        return client.get("/api/auth/state");
    }

    Map<String, String> csrf() {
        if (client.cookie("XSRF-TOKEN") == null) {
            state();
        }
        return Map.of("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
    }

    Reply post(String path, String json) {
        return client.post(path, json, csrf());
    }

    Reply delete(String path) {
        Map<String, String> headers = new HashMap<>(csrf());
        return client.send("DELETE", path, null, headers);
    }

    Reply requestLink(String email) {
        return post("/api/auth/email-link", "{\"email\":\"" + email + "\"}");
    }

    /** A link request with the sign-in page's "keep me signed in" choice. */
    Reply requestLink(String email, boolean rememberMe) {
        return post("/api/auth/email-link", "{\"email\":\"" + email + "\",\"rememberMe\":" + rememberMe + "}");
    }

    Reply useLink(String token) {
        return client.postForm("/login/ott", "token=" + token, csrf());
    }

    /** Uses a link as its page does when "keep me signed in" is ticked. */
    Reply useLinkRemembered(String token) {
        return client.postForm("/login/ott", "token=" + token + "&remember-me=true", csrf());
    }

    /** Signs in through the emailed link and answers the sign-in response. */
    Reply signInByEmail(String email) {
        int before = Mailbox.to(email).size();
        Reply requested = requestLink(email);
        if (requested.status() != 202) {
            throw new AssertionError("link request refused: " + requested.raw());
        }
        return useLink(Mailbox.linkTokenFor(email, before + 1));
    }
}
