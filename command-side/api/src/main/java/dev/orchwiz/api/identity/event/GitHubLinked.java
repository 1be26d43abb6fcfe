package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.UserId;

public record GitHubLinked(UserId userId, String login, long githubUserId) {}
