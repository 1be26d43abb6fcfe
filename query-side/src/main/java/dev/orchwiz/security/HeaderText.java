package dev.orchwiz.security;

/**
 * The header names and values Spring Security's {@code StrictHttpFirewall} accepts, checked with a loop instead of its
 * regular expressions. The firewall checks a header each time anything reads it, and a request's filters read the
 * {@code Authorization} header several times: the regular expressions took about 3 % of a command's request time under
 * load (docs/benchmarks.md). The rules are the firewall's own: every code point assigned and not a control character
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}); a value may also hold tabs.
 */
final class HeaderText {

    private HeaderText() {}

    static boolean isAllowedName(String name) {
        return allowed(name, false);
    }

    static boolean isAllowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
