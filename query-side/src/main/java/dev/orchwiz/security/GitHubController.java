package dev.orchwiz.security;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.command.UnlinkGitHub;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The user's GitHub connection: its state, the landing after GitHub's consent screen, and unlinking. */
@RestController
class GitHubController {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final ObjectProvider<GitHubLinking> linking;
    private final CommandGateway commands;

    GitHubController(
            ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<GitHubLinking> linking,
            CommandGateway commands) {
        this.registrations = registrations;
        this.linking = linking;
        this.commands = commands;
    }

    @GetMapping("/api/me/github")
    Map<String, Object> github(HttpServletRequest request) {
        ActingUser acting = MeController.acting(request);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("configured", GitHubConnection.configured(registrations));
        state.put("linked", acting.account().githubLogin() != null);
        state.put("login", acting.account().githubLogin());
        return state;
    }

    @DeleteMapping("/api/me/github")
    ResponseEntity<Void> unlink(HttpServletRequest request) {
        ActingUser acting = MeController.acting(request);
        commands.sendAndWait(new UnlinkGitHub(UserId.of(acting.account().id()), acting.actor()), 30, TimeUnit.SECONDS);
        GitHubLinking links = linking.getIfAvailable();
        if (links != null) {
            links.forget(acting.account());
        }
        return ResponseEntity.noContent().build();
    }

    /** Spring Security finishes the code exchange on this path, then sends the browser here without the code. */
    @GetMapping("/login/oauth2/code/github")
    ResponseEntity<Void> afterConsent(@RequestParam(name = "error", required = false) String error) {
        String outcome = error == null ? "linked" : "failed";
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/settings?github=" + outcome))
                .build();
    }
}
