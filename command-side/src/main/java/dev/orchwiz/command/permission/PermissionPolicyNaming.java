package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.command.CreatePermissionPolicy;
import dev.orchwiz.api.permission.command.PermissionPolicyChanged;
import dev.orchwiz.api.permission.command.RemovePermissionPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Keeps policy slugs unique per owner. The claim is written in the command's own transaction, so two concurrent
 * creations of one slug cannot both commit, and a refused command leaves no event and no claim behind.
 */
@Component
class PermissionPolicyNaming {

    private final Repository<PermissionPolicy> policies;
    private final PermissionPolicySlugs slugs;

    PermissionPolicyNaming(Repository<PermissionPolicy> policies, PermissionPolicySlugs slugs) {
        this.policies = policies;
        this.slugs = slugs;
    }

    @CommandHandler
    PermissionPolicyChanged handle(CreatePermissionPolicy command) throws Exception {
        String slug = PermissionPolicyRules.slug(command.slug());
        // Refuse a bad definition before claiming, so the answer names the real problem rather than the slug.
        PermissionPolicyRules.normalised(slug, command.definition());
        if (!slugs.claim(command.actor().id(), slug, command.policyId())) {
            throw new PermissionRefusal(
                    PermissionError.POLICY_SLUG_TAKEN, "You already have a permission policy named " + slug);
        }
        Aggregate<PermissionPolicy> created = policies.newInstance(() -> new PermissionPolicy(command));
        return created.invoke(PermissionPolicy::changed);
    }

    @CommandHandler
    void handle(RemovePermissionPolicy command) {
        Aggregate<PermissionPolicy> aggregate = policies.load(command.policyId().toString());
        String slug = aggregate.invoke(PermissionPolicy::slug);
        UserId owner = aggregate.invoke(PermissionPolicy::ownerId);
        aggregate.execute(existing -> existing.handle(command));
        slugs.release(owner, slug);
    }
}
