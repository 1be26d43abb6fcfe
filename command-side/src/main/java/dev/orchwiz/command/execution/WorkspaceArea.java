package dev.orchwiz.command.execution;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The part of the workspace a call's jail mounts: its session's directory ({@code sessions/<id>}), or, for a call in no
 * session, its owner's ({@code users/<id>}). Every call gets one, hooks included, so no script ever sees the directory
 * of a session it was not called for; a hook that wants shared scripts finds them in the node's read-only paths.
 */
record WorkspaceArea(String path) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    static WorkspaceArea of(SessionId session, UserId owner) {
        if (session != null) {
            return new WorkspaceArea("sessions/" + session);
        }
        return new WorkspaceArea("users/" + folderName(owner == null ? "" : owner.toString()));
    }

    /** A user id is free text; one that is not a plain file name is named by its digest, never by its characters. */
    static String folderName(String userId) {
        if (PLAIN.matcher(userId).matches()) {
            return userId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return "u-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java platform has SHA-256", missing);
        }
    }
}
