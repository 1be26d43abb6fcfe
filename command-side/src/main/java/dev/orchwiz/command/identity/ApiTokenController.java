package dev.orchwiz.command.identity;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.identity.ActingToken;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.ApiTokenFormat;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.command.IssueApiToken;
import dev.orchwiz.api.identity.command.RevokeApiToken;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.command.web.CommandSender;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

    private final CommandSender commands;

    ApiTokenController(CommandSender commands) {
        this.commands = commands;
    }

    record Issue(@SingleLine String name, List<String> scopes, Integer expiresInDays) {}

    @PostMapping
    ResponseEntity<Map<String, Object>> issue(Actor actor, ActingToken via, @RequestBody Issue body) {
        Set<TokenScope> scopes = scopes(body.scopes());
        Instant expiresAt = expiry(body.expiresInDays());
        String token = ApiTokenFormat.generate();
        String tokenId = UUID.randomUUID().toString();
        String prefix = ApiTokenFormat.shownPrefix(token);
        // A token that issues another is held by the user aggregate to its own scopes and expiry; a browser is not.
        commands.send(
                new IssueApiToken(
                        actor.id(),
                        actor,
                        tokenId,
                        body.name(),
                        scopes,
                        expiresAt,
                        prefix,
                        ApiTokenFormat.hash(token),
                        via.id()),
                () -> IdentityRefusal.noUser(actor.id()));
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
    ResponseEntity<Void> revoke(Actor actor, @PathVariable String id) {
        commands.send(new RevokeApiToken(actor.id(), actor, id), () -> IdentityRefusal.noUser(actor.id()));
        return ResponseEntity.noContent().build();
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
