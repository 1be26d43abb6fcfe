package dev.orchwiz.api.session;

/** Size limits of session fields, enforced at the HTTP edge and again by the aggregate. */
public final class SessionLimits {

    public static final int TITLE = 200;
    public static final int DESCRIPTION = 4_000;
    public static final int PROMPT = 32_000;
    /** A runtime or model name. */
    public static final int RUNTIME = 120;

    public static final int PROJECT_NAME = 200;
    public static final int BRANCH = 255;
    public static final int ENVIRONMENT = 100;
    public static final int REASON = 2_000;
    public static final int INTERACTION_CONTENT = 100_000;
    /** Serialized JSON size of free metadata, in bytes. */
    public static final int METADATA_BYTES = 16 * 1024;

    private SessionLimits() {}
}
