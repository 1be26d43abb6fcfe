package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record InvitationWithdrawn(String nodeId, String email, UserId by) {}
