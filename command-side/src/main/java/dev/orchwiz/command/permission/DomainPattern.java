package dev.orchwiz.command.permission;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code domain:} specifier of a {@code WebFetch} rule.
 *
 * <p>{@code example.com} matches exactly that host, not its subdomains: a rule names the host its author trusts, and
 * {@code docs.example.com} may be run by someone else. {@code *.example.com} matches every subdomain at any depth
 * ({@code a.example.com}, {@code a.b.example.com}) but not {@code example.com} itself, as a TLS wildcard would not;
 * allowing both takes two rules. {@code *} alone matches every host. Host names are compared case-insensitively (DNS
 * is), ignoring a trailing dot, the port and any user info, so {@code https://example.com@evil.test/} counts as {@code
 * evil.test}.
 */
final class DomainPattern {

    private static final String SUBDOMAIN_WILDCARD = "*.";

    private DomainPattern() {}

    static boolean matches(String domain, String url) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        return host(url).map(host -> hostMatches(wanted, host)).orElse(false);
    }

    private static boolean hostMatches(String wanted, String host) {
        if (wanted.equals("*")) {
            return true;
        }
        if (wanted.startsWith(SUBDOMAIN_WILDCARD)) {
            String parent = wanted.substring(1);
            return host.endsWith(parent) && host.length() > parent.length();
        }
        return host.equals(wanted);
    }

    /**
     * The host the way a WHATWG URL parser (the one WebFetch runs on) reads it: a backslash ends the authority like a
     * slash, the last {@code @} ends the user info. A URL without a scheme is read as https, as WebFetch upgrades it.
     */
    static Optional<String> host(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String text = url.strip();
        int schemeEnd = text.indexOf("://");
        String afterScheme = schemeEnd >= 0 ? text.substring(schemeEnd + 3) : text;
        int authorityEnd = afterScheme.length();
        for (char stop : new char[] {'/', '\\', '?', '#'}) {
            int at = afterScheme.indexOf(stop);
            if (at >= 0 && at < authorityEnd) {
                authorityEnd = at;
            }
        }
        String authority = afterScheme.substring(0, authorityEnd);
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            host = close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
        } else {
            int colon = hostAndPort.indexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
    }
}
