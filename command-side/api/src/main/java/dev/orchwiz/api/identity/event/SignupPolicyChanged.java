package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.SignupPolicy;

public record SignupPolicyChanged(String nodeId, SignupPolicy policy, UserId by) {}
