package dev.orchwiz.api.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as accounts key them: trimmed and lower case, checked for a plausible shape. */
public final class Emails {

    private static final Pattern PLAUSIBLE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    public static final int MAX_LENGTH = 254;

    private Emails() {}

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean plausible(String email) {
        return email != null
                && email.length() <= MAX_LENGTH
                && PLAUSIBLE.matcher(email).matches();
    }
}
