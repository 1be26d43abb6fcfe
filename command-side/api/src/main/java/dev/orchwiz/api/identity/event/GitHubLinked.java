package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

public record GitHubLinked(UserId userId, String login, long githubUserId) {}
