package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.SignupPolicy;
import dev.orchwiz.api.identity.UserId;

public record SignupPolicyChanged(String nodeId, SignupPolicy policy, UserId by) {}
