package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Role;

public record UserRoleGranted(UserId userId, Role role, UserId by) {}
