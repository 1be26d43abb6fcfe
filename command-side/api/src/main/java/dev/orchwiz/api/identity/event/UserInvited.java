package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record UserInvited(String nodeId, String email, UserId by) {}
