package dev.orchwiz.security;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.command.IssueApiToken;
import dev.orchwiz.api.identity.command.RevokeApiToken;
import dev.orchwiz.api.identity.query.ApiTokenPage;
import dev.orchwiz.api.identity.query.ListApiTokens;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.web.PageParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens: the plaintext is in the creation answer and nowhere else, ever. A person signed in in a browser
 * issues tokens within their roles; a token (with the {@code write} scope) may issue tokens too, for scripts that
 * rotate their own credentials, but never with a scope it lacks nor outliving itself (403 {@code
 * TOKEN_SCOPE_EXCEEDS_CALLER}).
 */
@RestController
@RequestMapping("/api/me/tokens")
class ApiTokenController {

    static final int MAX_EXPIRY_DAYS = 3650;

    private final CommandGateway commands;
    private final QueryGateway queries;

    ApiTokenController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record Issue(@SingleLine String name, List<String> scopes, Integer expiresInDays) {}

    @GetMapping
    ApiTokenPage list(
            HttpServletRequest request,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        ActingUser acting = MeController.acting(request);
        return queries.query(new ListApiTokens(UserId.of(acting.account().id()), page, size), ApiTokenPage.class)
                .join();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> issue(HttpServletRequest request, @RequestBody Issue body) {
        ActingUser acting = MeController.acting(request);
        Set<TokenScope> scopes = scopes(body.scopes());
        Instant expiresAt = expiry(body.expiresInDays());
        String token = ApiTokens.generate();
        String tokenId = UUID.randomUUID().toString();
        String prefix = ApiTokens.shownPrefix(token);
        commands.sendAndWait(
                new IssueApiToken(
                        UserId.of(acting.account().id()),
                        acting.actor(),
                        tokenId,
                        body.name(),
                        scopes,
                        expiresAt,
                        prefix,
                        ApiTokens.hash(token),
                        issuingTokenId(acting)),
                30,
                TimeUnit.SECONDS);
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("id", tokenId);
        issued.put("name", body.name() == null ? null : body.name().trim());
        issued.put("prefix", prefix);
        issued.put("scopes", scopes.stream().map(WireNamed::wireName).toList());
        issued.put("createdAt", Instant.now().toString());
        issued.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        issued.put("lastUsedAt", null);
        issued.put("token", token);
        return ResponseEntity.created(URI.create("/api/me/tokens/" + tokenId))
                .header("Cache-Control", "no-store")
                .body(issued);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(HttpServletRequest request, @PathVariable String id) {
        ActingUser acting = MeController.acting(request);
        commands.sendAndWait(
                new RevokeApiToken(UserId.of(acting.account().id()), acting.actor(), id), 30, TimeUnit.SECONDS);
        return ResponseEntity.noContent().build();
    }

    /**
     * The token this request came with, so the user aggregate holds a token-issued token to that token's own scopes
     * and expiry; {@code null} for a person signed in in a browser.
     */
    private static String issuingTokenId(ActingUser acting) {
        if (!acting.viaToken()) {
            return null;
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token) {
            return token.tokenId();
        }
        throw new IllegalStateException("a token request without its token authentication");
    }

    private static Set<TokenScope> scopes(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw invalid("scopes", "choose at least one of read, write, admin");
        }
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String scope : raw) {
            try {
                scopes.add(WireNamed.fromWire(TokenScope.class, scope));
            } catch (IllegalArgumentException unknown) {
                throw invalid("scopes", unknown.getMessage());
            }
        }
        return scopes;
    }

    private static Instant expiry(Integer days) {
        if (days == null) {
            return null;
        }
        if (days < 1 || days > MAX_EXPIRY_DAYS) {
            throw invalid("expiresInDays", "must be between 1 and " + MAX_EXPIRY_DAYS);
        }
        return Instant.now().plus(Duration.ofDays(days));
    }

    private static InvalidRequest invalid(String field, String problem) {
        return new InvalidRequest(
                RequestError.VALIDATION_FAILED, field + " " + problem, List.of(new FieldProblem(field, problem)));
    }
}
