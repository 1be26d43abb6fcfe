package dev.orchwiz.command.hook.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Says whether an address points into a network the control plane can reach but the internet cannot: the targets of
 * server-side request forgery (cloud metadata at 169.254.169.254, admin ports on localhost, the cluster's pod network).
 */
final class NonPublicAddress {

    private NonPublicAddress() {}

    /** The kind of non-public address as a phrase ("a loopback address"), or empty for a public one. */
    static Optional<String> kindOf(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            // An IPv6 address can carry an IPv4 address that the kernel or a NAT64 gateway then connects to, so the
            // embedded address must pass the IPv4 rules too.
            Optional<Inet4Address> embedded = embeddedIpv4(v6);
            if (embedded.isPresent()) {
                return kindOf(embedded.get());
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? ipv4Kind(bytes) : ipv6Kind(bytes);
    }

    private static Optional<String> ipv4Kind(byte[] ip) {
        int first = ip[0] & 0xff;
        int second = ip[1] & 0xff;
        if (first == 0) {
            // 0.0.0.0/8 "this network": Linux connects 0.x.x.x to the local host.
            return Optional.of("an unspecified address");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT address");
        }
        if (first == 192 && second == 0 && (ip[2] & 0xff) == 0) {
            return Optional.of("a reserved address");
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return Optional.of("a reserved address");
        }
        if (first >= 240) {
            // 240.0.0.0/4 reserved, including the 255.255.255.255 broadcast address.
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6Kind(byte[] ip) {
        if ((ip[0] & 0xfe) == 0xfc) {
            // fc00::/7 unique-local; InetAddress.isSiteLocalAddress only knows the deprecated fec0::/10.
            return Optional.of("a private address");
        }
        return Optional.empty();
    }

    /**
     * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d). InetAddress already
     * turns IPv4-mapped literals into Inet4Address, but addresses built from raw bytes or returned by a resolver need
     * not be.
     */
    private static Optional<Inet4Address> embeddedIpv4(Inet6Address address) {
        byte[] ip = address.getAddress();
        byte[] prefix = Arrays.copyOfRange(ip, 0, 12);
        boolean mapped = Arrays.equals(prefix, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff});
        boolean compatible = Arrays.equals(prefix, new byte[12]) && !isZeroOrOne(ip);
        boolean nat64 = Arrays.equals(prefix, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
        if (!mapped && !compatible && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(ip, 12, 16)));
        } catch (UnknownHostException impossible) {
            // getByAddress only throws for a wrong length, and four bytes is the right one.
            throw new IllegalStateException(impossible);
        }
    }

    // :: and ::1 are the IPv6 unspecified and loopback addresses, not IPv4-compatible ones; the generic checks
    // classify them.
    private static boolean isZeroOrOne(byte[] ip) {
        for (int i = 12; i < 15; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[15] == 0 || ip[15] == 1;
    }
}
