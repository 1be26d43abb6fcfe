package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.identity.SignupPolicy;
import java.util.Set;

/** The node's sign-up rules and whether its first admin exists; {@code pendingAdminEmails} presented the code. */
public record NodeSettings(SignupPolicy signupPolicy, boolean setupComplete, Set<String> pendingAdminEmails) {}
