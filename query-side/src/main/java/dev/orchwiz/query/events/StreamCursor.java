package dev.orchwiz.query.events;

/**
 * Where a stream resumes: after a local global position and after a forwarding receipt; -1 is "from now". Written as
 * {@code local} (this node's events only, as before forwarding) or {@code local:receipt}.
 */
record StreamCursor(long local, long forwarded) {

    static final StreamCursor NOW = new StreamCursor(-1, -1);

    /** Empty for text that is no cursor. */
    static java.util.Optional<StreamCursor> parse(String raw) {
        String[] parts = raw.strip().split(":", -1);
        if (parts.length > 2) {
            return java.util.Optional.empty();
        }
        try {
            long local = Long.parseLong(parts[0]);
            long forwarded = parts.length == 2 ? Long.parseLong(parts[1]) : -1;
            if (local < 0 || (parts.length == 2 && forwarded < 0)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new StreamCursor(local, forwarded));
        } catch (NumberFormatException notACursor) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return local + ":" + forwarded;
    }
}
