package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.UserId;

public record GitHubUnlinked(UserId userId, String login, UserId by) {}
