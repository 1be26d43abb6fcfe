package dev.orchwiz.command.forwarding;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.forwarding.command.DisableForwardingSource;
import dev.orchwiz.api.forwarding.command.RegisterForwardingSource;
import dev.orchwiz.api.forwarding.command.RemoveForwardingSource;
import dev.orchwiz.api.forwarding.command.RepinForwardingSource;
import dev.orchwiz.api.forwarding.query.FindForwardingSourceByNode;
import dev.orchwiz.api.forwarding.query.ForwardingSourceView;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import dev.orchwiz.command.web.Written;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins trust an origin by its public key (or, for the original OrchWiz's format, an api key), disable or drop it. */
@RestController
class ForwardingSourceController {

    /** An api key shorter than this is guessable; the original's generated keys are 40 characters. */
    private static final int MIN_API_KEY = 16;

    private static final int MAX_API_KEY = 256;

    private final CommandSender commands;
    private final QueryGateway queries;

    ForwardingSourceController(CommandSender commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** {@code pullUrl}: the origin's {@code /api/forwarding/events}, for pulling what a gap misses (key sources). */
    /** As long as a node keeps its own retiring key (NodeKeys' default grace). */
    private static final java.time.Duration DEFAULT_REPIN_GRACE = java.time.Duration.ofDays(3);

    private static final java.time.Duration MAX_REPIN_GRACE = java.time.Duration.ofDays(30);

    record SourceInput(String nodeId, String publicKey, String apiKey, String name, String pullUrl) {}

    @PostMapping("/api/forwarding/sources")
    ResponseEntity<Written> register(Actor actor, @RequestBody SourceInput body) {
        ForwardingSource.assertAdmin(actor);
        ForwardingSource.assertPlainNodeId(body.nodeId());
        boolean byKey = body.publicKey() != null;
        if (byKey == (body.apiKey() != null)) {
            throw new ForwardingRefusal(ForwardingError.INVALID_INPUT, "Give either publicKey or apiKey");
        }
        String credential = byKey ? publicKey(body.publicKey()) : apiKeyHash(body.apiKey());
        if (body.pullUrl() != null && (!byKey || !isPullUrl(body.pullUrl()))) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT,
                    "pullUrl must be an http(s) URL of at most 500 characters, for a source with a publicKey");
        }
        boolean taken = queries.query(
                        new FindForwardingSourceByNode(body.nodeId()),
                        ResponseTypes.optionalInstanceOf(ForwardingSourceView.class))
                .join()
                .isPresent();
        if (taken) {
            throw new ForwardingRefusal(
                    ForwardingError.SOURCE_TAKEN, "Node " + body.nodeId() + " is already a source; remove it first");
        }
        ForwardingSourceId id = ForwardingSourceId.random();
        commands.send(
                new RegisterForwardingSource(
                        id,
                        actor,
                        body.nodeId(),
                        body.name(),
                        byKey ? SourceKind.PUBLIC_KEY : SourceKind.API_KEY,
                        credential,
                        body.pullUrl()),
                () -> missing(id.toString()));
        return IfMatch.created("/api/forwarding/sources/" + id, Written.of(id, 0));
    }

    /** {@code graceSeconds}: how long the previous key keeps verifying (default three days, at most thirty). */
    record RepinInput(String publicKey, Long graceSeconds) {}

    /** After the origin rotated its key: pin the new one, keep the previous one verifying for the grace period. */
    @PostMapping("/api/forwarding/sources/{id}/key")
    Written repin(Actor actor, @PathVariable String id, @RequestBody RepinInput body) {
        ForwardingSource.assertAdmin(actor);
        String key = publicKey(body.publicKey() == null ? "" : body.publicKey());
        long grace = body.graceSeconds() == null ? DEFAULT_REPIN_GRACE.toSeconds() : body.graceSeconds();
        if (grace < 0 || grace > MAX_REPIN_GRACE.toSeconds()) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT, "graceSeconds must be 0 to " + MAX_REPIN_GRACE.toSeconds());
        }
        long version = commands.send(
                new RepinForwardingSource(
                        sourceId(id), actor, key, java.time.Instant.now().plusSeconds(grace)),
                () -> missing(id));
        return new Written(id, version);
    }

    @PostMapping("/api/forwarding/sources/{id}/disable")
    Written disable(Actor actor, @PathVariable String id) {
        long version = commands.send(new DisableForwardingSource(sourceId(id), actor), () -> missing(id));
        return new Written(id, version);
    }

    @DeleteMapping("/api/forwarding/sources/{id}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        commands.<Object>send(new RemoveForwardingSource(sourceId(id), actor), () -> missing(id));
        return ResponseEntity.noContent().build();
    }

    /** Any http(s) address, private ones included: nodes of one organisation often sit there, and only admins register. */
    private static boolean isPullUrl(String text) {
        if (text.length() > 500 || text.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException notAUri) {
            return false;
        }
    }

    private static String publicKey(String text) {
        return ForwardingSignatures.publicKey(text)
                .map(ForwardingSignatures::publicKeyText)
                .orElseThrow(() -> new ForwardingRefusal(
                        ForwardingError.INVALID_INPUT, "publicKey must be a raw ed25519 public key in base64"));
    }

    private static String apiKeyHash(String apiKey) {
        if (apiKey.length() < MIN_API_KEY
                || apiKey.length() > MAX_API_KEY
                || apiKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT,
                    "apiKey must be " + MIN_API_KEY + " to " + MAX_API_KEY + " printable ASCII characters");
        }
        return ForwardingSignatures.sha256Hex(apiKey);
    }

    private static ForwardingSourceId sourceId(String id) {
        return ForwardingSourceId.parse(id).orElseThrow(() -> missing(id));
    }

    private static ForwardingRefusal missing(String id) {
        return new ForwardingRefusal(ForwardingError.SOURCE_NOT_FOUND, "No forwarding source " + id);
    }
}
