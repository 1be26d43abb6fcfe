package dev.orchwiz.query.identity;

import dev.orchwiz.security.ActingUser;
import dev.orchwiz.security.GitHubConnection;
import dev.orchwiz.security.Me;
import dev.orchwiz.security.RecordingUserCredentialRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user: their account, their passkeys (kept in Spring Security's own table) and their GitHub link.
 * Answered from what sign-in resolved for this request, so a revoked role or a deleted account shows at once.
 */
@RestController
@RequestMapping("/api/me")
class MeQueryController {

    private final RecordingUserCredentialRepository credentials;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    MeQueryController(
            RecordingUserCredentialRepository credentials, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.credentials = credentials;
        this.registrations = registrations;
    }

    record Passkey(String id, String label, String createdAt, String lastUsedAt) {}

    @GetMapping
    Map<String, Object> me(HttpServletRequest request) {
        return Me.of(ActingUser.required(request).account());
    }

    @GetMapping("/passkeys")
    List<Passkey> passkeys(HttpServletRequest request) {
        return credentials.findByEmail(ActingUser.required(request).account().email()).stream()
                .map(MeQueryController::passkey)
                .toList();
    }

    @GetMapping("/github")
    Map<String, Object> github(HttpServletRequest request) {
        ActingUser acting = ActingUser.required(request);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("configured", GitHubConnection.configured(registrations));
        state.put("linked", acting.account().githubLogin() != null);
        state.put("login", acting.account().githubLogin());
        return state;
    }

    private static Passkey passkey(CredentialRecord record) {
        return new Passkey(
                record.getCredentialId().toBase64UrlString(),
                record.getLabel(),
                utc(record.getCreated()),
                utc(record.getLastUsed()));
    }

    private static String utc(Instant at) {
        return at == null ? null : at.toString();
    }
}
