package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.id.UserId;

/** Every session of the user that started before this event is over. */
public record UserSignedOutEverywhere(UserId userId, long sessionEpoch, UserId by) {}
