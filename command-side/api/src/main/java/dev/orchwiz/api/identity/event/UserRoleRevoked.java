package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.UserId;

public record UserRoleRevoked(UserId userId, Role role, UserId by) {}
