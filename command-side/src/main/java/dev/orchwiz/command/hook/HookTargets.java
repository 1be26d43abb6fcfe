package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.command.hook.delivery.TargetCheck;
import dev.orchwiz.command.hook.delivery.WebhookTargetPolicy;
import dev.orchwiz.command.toolcall.ToolCallRequests;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * What a hook definition points at, checked before it is saved: a webhook URL against the same {@link
 * WebhookTargetPolicy} that delivery applies (so a URL that would never be delivered to is refused now, with the
 * reason, rather than accepted and dead-lettered later), and the session and subagent it is bound to against the
 * caller, like ids in paths (someone else's or an unknown one answers 404 and nothing is written). Runs before the
 * command is sent, because resolving a host may take seconds and must not hold the command's transaction open.
 */
@Component
class HookTargets {

    private final WebhookTargetPolicy policy;
    private final ToolCallRequests references;

    HookTargets(HookProperties properties, ToolCallRequests references) {
        this.policy = properties.targetPolicy();
        this.references = references;
    }

    /** The definition as it will be stored, once it is valid, its URL deliverable and its references the caller's. */
    HookDefinition checked(Actor actor, HookDefinition definition) {
        HookDefinition normalised = HookRules.normalised(definition);
        references.assertMayUse(actor, normalised.sessionId(), normalised.subagentId());
        if (normalised.type() == HookType.WEBHOOK) {
            assertDeliverable(normalised.url());
        }
        return normalised;
    }

    /** Like {@link #checked}, but a revision that keeps the stored URL is not refused for it (say, to deactivate it). */
    HookDefinition checkedRevision(Actor actor, HookDefinition definition, String storedUrl) {
        HookDefinition normalised = HookRules.normalised(definition);
        references.assertMayUse(actor, normalised.sessionId(), normalised.subagentId());
        if (normalised.type() == HookType.WEBHOOK && !normalised.url().equals(storedUrl)) {
            assertDeliverable(normalised.url());
        }
        return normalised;
    }

    private void assertDeliverable(String url) {
        TargetCheck check = policy.check(URI.create(url));
        if (!check.allowed()) {
            throw new HookRefusal(HookError.TARGET_REFUSED, "Webhook URL refused: " + check.refusal());
        }
    }
}
