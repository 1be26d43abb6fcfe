package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

/** The webhook deliveries one tool call caused, newest first; empty when the viewer may not see the call's owner's. */
public record ListToolCallDeliveries(Actor viewer, ToolCallId toolCallId, int page, int size) implements PagedQuery {}
