package dev.orchwiz.command.hook.delivery;

import java.net.InetAddress;
import java.util.List;

/**
 * The verdict on a webhook URL: allowed, or refused with a sentence an operator can act on.
 *
 * @param addresses every address the host resolved to when it was checked (possibly empty when refused before
 *     resolving)
 */
public record TargetCheck(boolean allowed, String refusal, List<InetAddress> addresses) {

    public TargetCheck {
        if (allowed != (refusal == null)) {
            throw new IllegalArgumentException("a check has a refusal exactly when it is not allowed");
        }
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    public static TargetCheck allow(List<InetAddress> addresses) {
        return new TargetCheck(true, null, addresses);
    }

    public static TargetCheck refuse(String refusal) {
        return new TargetCheck(false, refusal, List.of());
    }

    public static TargetCheck refuse(String refusal, List<InetAddress> addresses) {
        return new TargetCheck(false, refusal, addresses);
    }
}
