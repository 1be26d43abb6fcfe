package dev.orchwiz.security;

import dev.orchwiz.api.identity.Emails;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.NodeIds;
import dev.orchwiz.api.identity.command.ClaimAdmin;
import dev.orchwiz.api.identity.query.NodeSettings;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.text.SingleLine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the sign-in page needs to know, and the first-run admin claim. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AccountLookup accounts;
    private final SetupCode setupCode;
    private final SignInLinks links;
    private final SignInRateLimits limits;
    private final CommandGateway commands;
    private final SecurityProperties properties;
    private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;

    AuthController(
            AccountLookup accounts,
            SetupCode setupCode,
            SignInLinks links,
            SignInRateLimits limits,
            CommandGateway commands,
            SecurityProperties properties,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
        this.accounts = accounts;
        this.setupCode = setupCode;
        this.links = links;
        this.limits = limits;
        this.commands = commands;
        this.properties = properties;
        this.clientRegistrations = clientRegistrations;
    }

    /** Also hands the browser its CSRF cookie: the dashboard calls this first. */
    @GetMapping("/state")
    Map<String, Object> state(HttpServletRequest request) {
        Object csrf = request.getAttribute(CsrfToken.class.getName());
        if (csrf instanceof CsrfToken token) {
            token.getToken();
        }
        NodeSettings settings = accounts.nodeSettings();
        Optional<ActingUser> user = ActingUser.of(request);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("authenticated", user.isPresent());
        state.put("user", user.map(acting -> Me.of(acting.account())).orElse(null));
        state.put("setupRequired", !settings.setupComplete());
        state.put("signupPolicy", settings.signupPolicy().wireName());
        state.put("mailDelivery", links.delivery().wireName());
        state.put("rpId", properties.rpId());
        state.put("githubConfigured", GitHubConnection.configured(clientRegistrations));
        return state;
    }

    /** Reached only when the body was not a usable address (valid requests are answered by the sign-in filter). */
    @PostMapping("/email-link")
    void emailLinkWithoutAddress() {
        throw new InvalidRequest(
                RequestError.VALIDATION_FAILED,
                "Send {\"email\": \"you@example.com\"} as JSON",
                List.of(new FieldProblem("email", "must be an email address")));
    }

    record Claim(@SingleLine String email, @SingleLine String setupCode) {}

    @PostMapping("/claim-admin")
    ResponseEntity<Map<String, Object>> claimAdmin(@RequestBody Claim claim) {
        String email = Emails.normalize(claim.email());
        if (!Emails.plausible(email)) {
            throw new InvalidRequest(
                    RequestError.VALIDATION_FAILED,
                    "email must be an email address",
                    List.of(new FieldProblem("email", "must be an email address")));
        }
        Optional<Duration> wait = limits.forAccount(email);
        if (wait.isPresent()) {
            throw new Refused(IdentityError.RATE_LIMITED, "Too many attempts for this address; wait a while");
        }
        if (accounts.nodeSettings().setupComplete()) {
            throw new Refused(IdentityError.SETUP_COMPLETE, "This node already has an admin; sign in normally");
        }
        if (!setupCode.matches(claim.setupCode())) {
            throw new Refused(IdentityError.INVALID_SETUP_CODE, "The setup code is wrong; find it in the node's log");
        }
        commands.sendAndWait(new ClaimAdmin(NodeIds.THIS_NODE, email), 30, TimeUnit.SECONDS);
        links.send(email);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("sent", true, "delivery", links.delivery().wireName()));
    }

    static class Refused extends RuleViolation {

        Refused(IdentityError error, String detail) {
            super(error, detail);
        }
    }
}
