package dev.orchwiz.query.permission;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.BuiltInPolicy;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.PermissionPolicyRule;
import dev.orchwiz.api.permission.query.FindPermissionPolicy;
import dev.orchwiz.api.permission.query.ListPermissionPolicies;
import dev.orchwiz.api.permission.query.PermissionPolicyPage;
import dev.orchwiz.api.permission.query.PermissionPolicyView;
import dev.orchwiz.api.read.PagedQuery;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Permission policies: the built-in ones (read-only, data of the message API) and the caller's own, addressed by slug.
 * Slugs are unique per owner only, so every lookup is under the caller: someone else's policy answers 404 like a missing
 * one.
 */
@RestController
@RequestMapping("/api/permission-policies")
class PermissionPolicyQueryController {

    private final Reads reads;

    PermissionPolicyQueryController(Reads reads) {
        this.reads = reads;
    }

    /** {@code name} repeats {@code title}: clients written before custom policies read it. */
    record Policy(
            String id,
            String slug,
            String name,
            String title,
            String description,
            boolean builtIn,
            List<PermissionPolicyRule> rules,
            Instant updatedAt,
            Long version) {

        static Policy of(BuiltInPolicy policy) {
            return new Policy(
                    null,
                    policy.slug(),
                    policy.title(),
                    policy.title(),
                    policy.description(),
                    true,
                    policy.rules(),
                    null,
                    null);
        }

        static Policy of(PermissionPolicyView policy) {
            return new Policy(
                    policy.id(),
                    policy.slug(),
                    policy.title(),
                    policy.title(),
                    policy.description(),
                    false,
                    policy.rules(),
                    policy.updatedAt(),
                    policy.version());
        }
    }

    record PolicyPage(List<Policy> items, int page, int size, long totalItems, int totalPages) {}

    /** The built-in policies first, then the caller's own by slug. */
    @GetMapping
    PolicyPage list(Actor actor, PageParameters paging) {
        int size = paging.size();
        List<Policy> builtIns =
                Arrays.stream(BuiltInPolicy.values()).map(Policy::of).toList();
        long start = (long) paging.page() * size;
        List<Policy> items = new ArrayList<>(builtIns.subList(
                (int) Math.min(start, builtIns.size()), (int) Math.min(start + size, builtIns.size())));
        long ownOffset = Math.max(0, start - builtIns.size());
        PermissionPolicyPage own = reads.ask(
                new ListPermissionPolicies(actor.id(), ownOffset, size - items.size()), PermissionPolicyPage.class);
        own.items().stream().map(Policy::of).forEach(items::add);
        long total = builtIns.size() + own.totalItems();
        return new PolicyPage(items, paging.page(), paging.size(), total, PagedQuery.pages(total, size));
    }

    @GetMapping("/{slug}")
    Policy find(Actor actor, @PathVariable String slug) {
        return BuiltInPolicy.bySlug(slug)
                .map(Policy::of)
                .orElseGet(() -> Policy.of(reads.findOr404(
                        new FindPermissionPolicy(actor.id(), slug),
                        PermissionPolicyView.class,
                        PermissionError.POLICY_NOT_FOUND,
                        "No permission policy " + slug)));
    }
}
