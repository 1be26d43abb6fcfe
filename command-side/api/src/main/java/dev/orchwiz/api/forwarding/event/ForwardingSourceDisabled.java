package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.id.UserId;

public record ForwardingSourceDisabled(ForwardingSourceId sourceId, UserId by) {}
