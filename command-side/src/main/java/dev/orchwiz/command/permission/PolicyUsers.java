package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.UserId;
import java.util.List;

/**
 * Who still relies on a policy: the permission context asks before removing one, and the contexts that assign policies
 * (subagents today) answer, so that permission never depends on them.
 */
public interface PolicyUsers {

    /** The names of the owner's things that have the policy assigned, empty when none does. */
    List<String> of(UserId owner, String policySlug);
}
