package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.SignInMethod;
import dev.orchwiz.api.identity.UserId;

public record SignInFailed(UserId userId, SignInMethod method, String reason) {}
