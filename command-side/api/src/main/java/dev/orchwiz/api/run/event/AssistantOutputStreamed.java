package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;

/** Text the model streamed, coalesced into chunks (never one event per token). */
public record AssistantOutputStreamed(RunId runId, int step, String text) {}
