package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.UserId;
import java.util.Set;

public record UserRegistered(UserId userId, String email, String displayName, Set<Role> roles) {}
