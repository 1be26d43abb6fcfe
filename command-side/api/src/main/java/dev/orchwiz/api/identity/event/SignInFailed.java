package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.SignInMethod;

public record SignInFailed(UserId userId, SignInMethod method, String reason) {}
