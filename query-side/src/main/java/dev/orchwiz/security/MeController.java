package dev.orchwiz.security;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.command.RemovePasskey;
import dev.orchwiz.api.identity.command.SignOutEverywhere;
import dev.orchwiz.api.identity.query.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user: their account, their passkeys, and ending all their sessions. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final CommandGateway commands;
    private final RecordingUserCredentialRepository credentials;
    private final FindByIndexNameSessionRepository<?> sessions;

    MeController(
            CommandGateway commands,
            RecordingUserCredentialRepository credentials,
            FindByIndexNameSessionRepository<?> sessions) {
        this.commands = commands;
        this.credentials = credentials;
        this.sessions = sessions;
    }

    static Map<String, Object> me(Account account) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", account.id());
        me.put("email", account.email());
        me.put("displayName", account.displayName());
        me.put(
                "roles",
                account.roles().stream().map(WireNamed::wireName).sorted().toList());
        me.put("emailVerified", account.emailVerified());
        me.put("github", account.githubLogin() == null ? null : Map.of("login", account.githubLogin()));
        me.put("passkeys", account.passkeys());
        return me;
    }

    @GetMapping
    Map<String, Object> me(HttpServletRequest request) {
        return me(acting(request).account());
    }

    @PostMapping("/sign-out-everywhere")
    ResponseEntity<Void> signOutEverywhere(HttpServletRequest request) {
        ActingUser acting = acting(request);
        commands.sendAndWait(
                new SignOutEverywhere(UserId.of(acting.account().id()), acting.actor()), 30, TimeUnit.SECONDS);
        // The raised epoch ends any session at its next request; deleting the stored ones ends them now, remembered
        // ones included, and leaves no session data of this account behind.
        sessions.findByPrincipalName(acting.account().id()).keySet().forEach(sessions::deleteById);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    record Passkey(String id, String label, String createdAt, String lastUsedAt) {}

    @GetMapping("/passkeys")
    List<Passkey> passkeys(HttpServletRequest request) {
        return credentials.findByEmail(acting(request).account().email()).stream()
                .map(MeController::passkey)
                .toList();
    }

    @DeleteMapping("/passkeys/{id}")
    ResponseEntity<Void> removePasskey(
            HttpServletRequest request,
            @PathVariable String id,
            @RequestParam(name = "confirm", defaultValue = "false") boolean confirm) {
        ActingUser acting = acting(request);
        boolean owned = credentials.findByEmail(acting.account().email()).stream()
                .anyMatch(record -> record.getCredentialId().toBase64UrlString().equals(id));
        if (!owned) {
            throw new AuthController.Refused(IdentityError.PASSKEY_NOT_FOUND, "No passkey " + id);
        }
        commands.sendAndWait(
                new RemovePasskey(UserId.of(acting.account().id()), acting.actor(), id, confirm), 30, TimeUnit.SECONDS);
        credentials.deleteDecided(Bytes.fromBase64(id));
        return ResponseEntity.noContent().build();
    }

    private static Passkey passkey(CredentialRecord record) {
        return new Passkey(
                record.getCredentialId().toBase64UrlString(),
                record.getLabel(),
                record.getCreated() == null
                        ? null
                        : record.getCreated()
                                .atOffset(ZoneOffset.UTC)
                                .toInstant()
                                .toString(),
                record.getLastUsed() == null
                        ? null
                        : record.getLastUsed()
                                .atOffset(ZoneOffset.UTC)
                                .toInstant()
                                .toString());
    }

    static ActingUser acting(HttpServletRequest request) {
        return ActingUser.of(request)
                .orElseThrow(() -> new AuthController.Refused(IdentityError.UNAUTHENTICATED, "Sign in first"));
    }
}
