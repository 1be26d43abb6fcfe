package dev.orchwiz.command.permission;

import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.BuiltInPolicy;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.PermissionPolicyDefinition;
import dev.orchwiz.api.permission.PermissionPolicyRule;
import dev.orchwiz.api.permission.command.CreatePermissionPolicy;
import dev.orchwiz.api.permission.command.PermissionPolicyChanged;
import dev.orchwiz.api.permission.command.RemovePermissionPolicy;
import dev.orchwiz.api.permission.command.RevisePermissionPolicy;
import dev.orchwiz.api.permission.query.FindPermissionPolicy;
import dev.orchwiz.api.permission.query.PermissionPolicyView;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Permission policies: the built-in ones (read-only) and the caller's own, addressed by slug. Slugs are unique per
 * owner only, so every lookup is under the caller: someone else's policy answers 404 like a missing one. Reads are the
 * query side's ({@code PermissionPolicyQueryController}).
 */
@RestController
@RequestMapping("/api/permission-policies")
class PermissionPolicyController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final PolicyUsers policyUsers;

    PermissionPolicyController(CommandSender commands, QueryGateway queries, PolicyUsers policyUsers) {
        this.commands = commands;
        this.queries = queries;
        this.policyUsers = policyUsers;
    }

    record PolicyInput(
            @SingleLine String slug, @SingleLine String title, String description, List<PermissionPolicyRule> rules) {}

    record Written(String id, String slug, long version) {

        static Written of(PermissionPolicyChanged changed, String slug) {
            return new Written(changed.policyId().toString(), slug, changed.version());
        }
    }

    @PostMapping
    ResponseEntity<Written> create(Actor actor, @RequestBody PolicyInput body) {
        if (body == null) {
            throw new PermissionRefusal(PermissionError.POLICY_INVALID, "A policy needs a slug");
        }
        PermissionPolicyId id = PermissionPolicyId.random();
        PermissionPolicyChanged changed = commands.send(
                new CreatePermissionPolicy(
                        id,
                        actor,
                        body.slug(),
                        new PermissionPolicyDefinition(body.title(), body.description(), body.rules())),
                () -> missing(body.slug()));
        // The command refused anything but a valid slug, so it is safe in a path.
        String slug = body.slug().trim();
        return IfMatch.created("/api/permission-policies/" + slug, changed.version(), Written.of(changed, slug));
    }

    /** A partial update: absent fields keep their value; the slug cannot change (subagents refer to it). */
    @PatchMapping("/{slug}")
    ResponseEntity<Written> revise(
            Actor actor, @PathVariable String slug, @ExpectedVersion Long expected, @RequestBody PolicyInput body) {
        PermissionPolicyView current = writable(actor, slug);
        PolicyInput patch = body == null ? new PolicyInput(null, null, null, null) : body;
        if (patch.slug() != null && !patch.slug().trim().equals(slug)) {
            throw new PermissionRefusal(
                    PermissionError.POLICY_INVALID,
                    "slug cannot change: subagents refer to the policy by it; create a new policy instead");
        }
        PermissionPolicyDefinition definition = new PermissionPolicyDefinition(
                patch.title() == null ? current.title() : patch.title(),
                patch.description() == null ? current.description() : patch.description(),
                patch.rules() == null ? current.rules() : patch.rules());
        PermissionPolicyChanged changed = commands.send(
                new RevisePermissionPolicy(PermissionPolicyId.of(current.id()), actor, expected, definition),
                () -> missing(slug));
        return IfMatch.revised(changed.version(), Written.of(changed, slug));
    }

    /**
     * Refused while a subagent still has the policy, so that removing it never silently drops denials a subagent
     * relies on: the owner unassigns it first and sees what changes.
     */
    @DeleteMapping("/{slug}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String slug) {
        PermissionPolicyView current = writable(actor, slug);
        List<String> users = policyUsers.of(actor.id(), slug);
        if (!users.isEmpty()) {
            throw new PermissionRefusal(
                    PermissionError.POLICY_IN_USE,
                    "Policy " + slug + " is assigned to " + String.join(", ", users) + "; unassign it first");
        }
        commands.<Object>send(
                new RemovePermissionPolicy(PermissionPolicyId.of(current.id()), actor), () -> missing(slug));
        return ResponseEntity.noContent().build();
    }

    private PermissionPolicyView writable(Actor actor, String slug) {
        if (BuiltInPolicy.bySlug(slug).isPresent()) {
            throw new PermissionRefusal(
                    PermissionError.POLICY_BUILT_IN, slug + " is built in; copy its rules into a policy of your own");
        }
        return own(actor, slug).orElseThrow(() -> missing(slug));
    }

    private Optional<PermissionPolicyView> own(Actor actor, String slug) {
        return queries.query(
                        new FindPermissionPolicy(actor.id(), slug),
                        ResponseTypes.optionalInstanceOf(PermissionPolicyView.class))
                .join();
    }

    private static PermissionRefusal missing(String slug) {
        return new PermissionRefusal(PermissionError.POLICY_NOT_FOUND, "No permission policy " + slug);
    }
}
