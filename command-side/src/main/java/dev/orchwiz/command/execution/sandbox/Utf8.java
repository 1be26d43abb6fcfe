package dev.orchwiz.command.execution.sandbox;

/** Where UTF-8 text may be cut without splitting a character. Malformed bytes count as whole characters. */
public final class Utf8 {

    private static final int LONGEST_CHARACTER = 4;

    private Utf8() {}

    /** The length of the longest prefix of {@code bytes[0, size)} that ends on a character boundary. */
    public static int completeLength(byte[] bytes, int size) {
        int start = startOfLastCharacter(bytes, size);
        if (start < 0) {
            return size;
        }
        int expected = expectedLength(bytes[start]);
        return start + expected > size ? start : size;
    }

    /**
     * A cut at {@code limit} or just before it that does not split a character; {@code limit >= 4}, so there is
     * always a boundary above zero (a malformed run is cut at the limit).
     */
    static int cutAtOrBefore(byte[] bytes, int limit, int size) {
        if (limit >= size) {
            return completeLength(bytes, size);
        }
        int cut = limit;
        while (cut > limit - (LONGEST_CHARACTER - 1) && isContinuation(bytes[cut])) {
            cut--;
        }
        return isContinuation(bytes[cut]) ? limit : cut;
    }

    private static int startOfLastCharacter(byte[] bytes, int size) {
        for (int index = size - 1; index >= Math.max(0, size - LONGEST_CHARACTER); index--) {
            if (!isContinuation(bytes[index])) {
                return index;
            }
        }
        return -1;
    }

    private static int expectedLength(byte lead) {
        if ((lead & 0xE0) == 0xC0) {
            return 2;
        }
        if ((lead & 0xF0) == 0xE0) {
            return 3;
        }
        if ((lead & 0xF8) == 0xF0) {
            return 4;
        }
        return 1;
    }

    private static boolean isContinuation(byte value) {
        return (value & 0xC0) == 0x80;
    }
}
