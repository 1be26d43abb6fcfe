package dev.orchwiz.api.hook.query;

import java.util.List;

public record MatchingHooks(List<HookView> hooks) {}
