package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.id.UserId;

public record ForwardingSourceRemoved(ForwardingSourceId sourceId, UserId by) {}
