package dev.orchwiz.command.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps a metric tag's values few and plain. Model and tool names reach us from requests and from models, and every
 * distinct value is a time series kept for the node's lifetime: past {@code limit} values, or for a value that is not
 * a plain name, the tag says {@code other}.
 */
final class TagValues {

    static final String OTHER = "other";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.:/@+-]{1,100}");

    private final int limit;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    TagValues(int limit) {
        this.limit = limit;
    }

    String of(String value) {
        if (value == null || !PLAIN.matcher(value).matches()) {
            return OTHER;
        }
        if (seen.contains(value)) {
            return value;
        }
        synchronized (seen) {
            if (seen.size() >= limit) {
                return OTHER;
            }
            seen.add(value);
            return value;
        }
    }
}
