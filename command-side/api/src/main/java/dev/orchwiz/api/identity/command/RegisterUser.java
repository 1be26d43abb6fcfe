package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Role;
import java.util.Set;

/** Creates an account for an address its owner has just proven (by using an emailed link). */
public record RegisterUser(UserId userId, String email, String displayName, Set<Role> roles) {}
