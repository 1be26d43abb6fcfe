package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record GitHubUnlinked(UserId userId, String login, UserId by) {}
