package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Role;
import java.util.Set;

public record UserRegistered(UserId userId, String email, String displayName, Set<Role> roles) {}
