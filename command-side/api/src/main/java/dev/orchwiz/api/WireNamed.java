package dev.orchwiz.api;

/**
 * An enum whose values travel under a lower snake case wire name (JSON, query parameters, SSE), so that every edge
 * converts it the same way.
 */
public interface WireNamed {

    /**
     * The constant's name in lower case, which is the wire name of every enum whose constants are already named in
     * snake case; an enum whose wire names differ says so by overriding this.
     */
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant with exactly this wire name: no other case, no padding, no Java constant name, no ordinal. */
    static <E extends Enum<E> & WireNamed> E fromWire(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + wireNames(type));
    }

    static <E extends Enum<E> & WireNamed> java.util.List<String> wireNames(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(WireNamed::wireName)
                .toList();
    }
}
