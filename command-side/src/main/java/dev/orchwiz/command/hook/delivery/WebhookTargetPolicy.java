package dev.orchwiz.command.hook.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where webhooks may be sent. A hook URL is chosen by a user but fetched by the control plane from inside its network,
 * so without these rules a hook is a server-side request forgery: it could read cloud metadata credentials at
 * 169.254.169.254 or poke admin endpoints on localhost and the cluster network.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>Only {@code https} (and {@code http} when {@link #allowPlainHttp}) with a host and no user info: user info
 *       would be sent as credentials, and {@code https://trusted.com@evil.com} exists to fool humans and parsers.
 *   <li>Hosts written as numbers must be canonical dotted quads. {@code 2130706433}, {@code 0x7f.1} or {@code
 *       0177.0.0.1} mean different addresses to different parsers (Java reads the last as 177.0.0.1, curl and browsers
 *       as 127.0.0.1); refusing them removes the ambiguity instead of betting on one parser.
 *   <li>The host must be in {@link #allowedHosts}: an exact host ({@code hooks.example.com}), {@code .example.com} for
 *       any subdomain (not {@code example.com} itself), or {@code *} for any host. Matching ignores case and one
 *       trailing dot, which DNS ignores too.
 *   <li>Every address the host resolves to must be public unless {@link #allowPrivateNetworks}: checking only the
 *       first would let a name with one public and one private record through, and the client may pick either.
 * </ol>
 *
 * <p>DNS rebinding: {@link #check} resolves the host and the HTTP client resolves it again when it connects, so a
 * hostile DNS server could answer with a public address first and a private one second. What narrows that window is the
 * JVM's own positive lookup cache ({@code networkaddress.cache.ttl}, 30 seconds by default): {@link WebhookSender}
 * checks immediately before connecting, so the client's lookup is normally served the very addresses that were
 * checked, whatever TTL the attacker's DNS server announced. It does not close the window if the cache entry expires
 * between the two lookups, if the cache TTL is configured to 0, or if a proxy resolves the name; the JDK HttpClient
 * cannot be told which address to connect to. Where that matters, enforce the same rules in the network too (an
 * egress proxy or firewall that denies private ranges).
 *
 * @param allowedHosts normalised to lower case without brackets or a trailing dot; {@code null} allows nothing
 * @param allowPrivateNetworks for development and on-premises receivers on the same network
 * @param allowPlainHttp for development; signatures protect integrity but plain http exposes the payload
 */
public record WebhookTargetPolicy(List<String> allowedHosts, boolean allowPrivateNetworks, boolean allowPlainHttp) {

    static final String ANY_HOST = "*";

    private static final String IPV4_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile(IPV4_OCTET + "\\." + IPV4_OCTET + "\\." + IPV4_OCTET + "\\." + IPV4_OCTET);
    // The WHATWG URL standard's test: a host whose last label is a number is parsed as an IPv4 address.
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(^|.*\\.)([0-9]+|0x[0-9a-f]*)");

    public WebhookTargetPolicy {
        List<String> normalised = new ArrayList<>();
        for (String entry : allowedHosts == null ? List.<String>of() : allowedHosts) {
            normalised.add(normaliseEntry(entry));
        }
        allowedHosts = List.copyOf(normalised);
    }

    /** Checks the URL now, resolving its host; never throws, a URL that cannot be checked is refused. */
    public TargetCheck check(URI url) {
        return check(url, InetAddress::getAllByName);
    }

    /** The seam for tests that need a host name to resolve to chosen addresses without touching DNS. */
    TargetCheck check(URI url, HostResolver resolver) {
        try {
            return checkOrRefuse(url, resolver);
        } catch (RuntimeException unexpected) {
            // A resolver or parser surprise must not become an allowed target, nor an exception in the delivery loop.
            return TargetCheck.refuse(
                    "URL could not be checked (" + unexpected.getClass().getSimpleName() + ")");
        }
    }

    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private TargetCheck checkOrRefuse(URI url, HostResolver resolver) {
        if (url == null) {
            return TargetCheck.refuse("no URL was given");
        }
        Optional<String> schemeRefusal = schemeRefusal(url.getScheme());
        if (schemeRefusal.isPresent()) {
            return TargetCheck.refuse(schemeRefusal.get());
        }
        if (url.isOpaque() || url.getRawAuthority() == null) {
            return TargetCheck.refuse("URL has no host");
        }
        // Checked on the raw authority: when java.net.URI cannot parse a host it keeps "user@host" unsplit.
        if (url.getRawAuthority().contains("@")) {
            return TargetCheck.refuse("URL must not contain a user name or password");
        }
        if (url.getHost() == null) {
            return TargetCheck.refuse("URL authority " + url.getRawAuthority() + " does not name a valid host");
        }
        if (url.getPort() == 0 || url.getPort() > 65_535) {
            return TargetCheck.refuse("port " + url.getPort() + " is not a valid port");
        }
        String host = normaliseHost(url.getHost());
        boolean ipv6Literal = host.contains(":");
        boolean ipv4Literal = CANONICAL_IPV4.matcher(host).matches();
        if (!ipv6Literal && !ipv4Literal && NUMERIC_LAST_LABEL.matcher(host).matches()) {
            return TargetCheck.refuse("host " + host + " is not a canonical IPv4 address; write it as a.b.c.d");
        }
        if (!isAllowedHost(host)) {
            return TargetCheck.refuse("host " + host + " is not in the allowed webhook hosts");
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(resolver.resolve(host));
        } catch (UnknownHostException unresolvable) {
            return TargetCheck.refuse("host " + host + " could not be resolved");
        }
        if (addresses.isEmpty()) {
            return TargetCheck.refuse("host " + host + " could not be resolved");
        }
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                Optional<String> kind = NonPublicAddress.kindOf(address);
                if (kind.isPresent()) {
                    String refusal = ipv4Literal || ipv6Literal
                            ? "host " + host + " is " + kind.get()
                            : "host " + host + " resolves to " + address.getHostAddress() + ", " + kind.get();
                    return TargetCheck.refuse(refusal, addresses);
                }
            }
        }
        return TargetCheck.allow(addresses);
    }

    private Optional<String> schemeRefusal(String scheme) {
        if (scheme == null) {
            return Optional.of("URL has no scheme; use https");
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (lower.equals("https") || (lower.equals("http") && allowPlainHttp)) {
            return Optional.empty();
        }
        if (lower.equals("http")) {
            return Optional.of("plain http is not allowed; use https");
        }
        return Optional.of("scheme " + lower + " is not allowed; use https");
    }

    private boolean isAllowedHost(String host) {
        for (String entry : allowedHosts) {
            boolean matches = entry.equals(ANY_HOST)
                    || entry.equals(host)
                    // ".example.com" matches "a.example.com" but neither "example.com" nor "badexample.com".
                    || (entry.startsWith(".") && host.endsWith(entry) && host.length() > entry.length());
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static String normaliseEntry(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new IllegalArgumentException("an allowed webhook host must not be blank");
        }
        String host = normaliseHost(entry.strip());
        if (host.startsWith("*.")) {
            throw new IllegalArgumentException("allowed webhook host " + entry + " is not supported; write "
                    + host.substring(1) + " for subdomains");
        }
        if (host.equals(".") || (host.contains("*") && !host.equals(ANY_HOST))) {
            throw new IllegalArgumentException("allowed webhook host " + entry + " is not a host, .domain or *");
        }
        return host;
    }

    private static String normaliseHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    }
}
