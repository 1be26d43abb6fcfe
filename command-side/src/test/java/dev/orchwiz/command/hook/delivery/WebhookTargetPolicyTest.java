package dev.orchwiz.command.hook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.orchwiz.command.hook.delivery.WebhookTargetPolicy.HostResolver;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetPolicyTest {

    private static final WebhookTargetPolicy ANY_PUBLIC_HOST = new WebhookTargetPolicy(List.of("*"), false, false);
    private static final InetAddress PUBLIC = address("93.184.216.34");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "localhost",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "[::1]",
                "[fe80::1]",
                "[fd00::1]",
                "[fc00::1]",
                "[fec0::1]",
                "0.0.0.0",
                "[::]",
                "0.1.2.3",
                "100.64.0.1",
                "100.127.255.254",
                "224.0.0.1",
                "[ff02::1]",
                "255.255.255.255",
                "240.0.0.1",
                "[::ffff:127.0.0.1]",
                "[::ffff:a9fe:a9fe]",
                "[::ffff:10.0.0.1]",
                "[::127.0.0.1]",
                "[64:ff9b::169.254.169.254]",
                "2130706433",
                "0x7f000001",
                "0x7f.1",
                "127.1",
                "0177.0.0.1",
                "0",
                "017700000001"
            })
    void refusesLoopbackPrivateAndOddlyWrittenAddresses(String host) {
        // given
        URI url = URI.create("https://" + host + "/hook");

        // when
        TargetCheck check = ANY_PUBLIC_HOST.check(url);

        // then
        assertThat(check.allowed()).as("%s must be refused", host).isFalse();
        assertThat(check.refusal()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10.0.0.5            | host 10.0.0.5 is a private address",
                "127.0.0.1           | host 127.0.0.1 is a loopback address",
                "169.254.169.254     | host 169.254.169.254 is a link-local address",
                "100.64.0.1          | host 100.64.0.1 is a carrier-grade NAT address",
                "[fd00::1]           | host fd00::1 is a private address",
                "[::ffff:127.0.0.1]  | host ::ffff:127.0.0.1 is a loopback address",
                "0.0.0.0             | host 0.0.0.0 is an unspecified address",
                "2130706433          | host 2130706433 is not a canonical IPv4 address; write it as a.b.c.d",
                "0x7f.1              | URL authority 0x7f.1 does not name a valid host"
            })
    void explainsTheRefusalInASentence(String host, String refusal) {
        // given
        URI url = URI.create("https://" + host + "/hook");

        // when
        TargetCheck check = ANY_PUBLIC_HOST.check(url);

        // then
        assertThat(check.refusal()).isEqualTo(refusal);
    }

    @Test
    void allowsAnAllowlistedPublicAddressWithoutDns() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("93.184.216.34"), false, false);

        // when
        TargetCheck check = policy.check(URI.create("https://93.184.216.34/hook"));

        // then
        assertThat(check.allowed()).isTrue();
        assertThat(check.refusal()).isNull();
        assertThat(check.addresses()).containsExactly(PUBLIC);
    }

    @Test
    void allowsAnAllowlistedPublicIpv6Address() {
        // given
        WebhookTargetPolicy policy =
                new WebhookTargetPolicy(List.of("[2606:2800:220:1:248:1893:25c8:1946]"), false, false);

        // when
        TargetCheck check = policy.check(URI.create("https://[2606:2800:220:1:248:1893:25c8:1946]:8443/hook"));

        // then
        assertThat(check.allowed()).isTrue();
    }

    @Test
    void allowsPrivateAddressesWhenPrivateNetworksAreAllowed() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("*"), true, true);

        // when
        TargetCheck check = policy.check(URI.create("http://127.0.0.1:8080/hook"));

        // then
        assertThat(check.allowed()).isTrue();
        assertThat(check.addresses()).containsExactly(InetAddress.getLoopbackAddress());
    }

    @ParameterizedTest
    @CsvSource({
        "hooks.example.com, hooks.example.com, true",
        "hooks.example.com, HOOKS.Example.COM, true",
        "HOOKS.EXAMPLE.COM, hooks.example.com, true",
        "hooks.example.com, hooks.example.com., true",
        "hooks.example.com, other.example.com, false",
        "hooks.example.com, example.com, false",
        ".example.com, sub.example.com, true",
        ".example.com, a.b.example.com, true",
        ".Example.Com, SUB.example.com, true",
        ".example.com, example.com, false",
        ".example.com, badexample.com, false",
        ".example.com, example.com.evil.net, false",
        "*, anything.example.net, true"
    })
    void matchesHostsAgainstTheAllowlist(String allowed, String host, boolean expected) {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(allowed), false, false);

        // when
        TargetCheck check = policy.check(URI.create("https://" + host + "/hook"), resolvingTo(PUBLIC));

        // then
        assertThat(check.allowed()).as("%s against %s", host, allowed).isEqualTo(expected);
    }

    @Test
    void refusesAHostThatIsNotInTheAllowlistBeforeResolvingIt() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("hooks.example.com"), false, false);
        HostResolver mustNotBeAsked = host -> {
            throw new AssertionError("resolved " + host);
        };

        // when
        TargetCheck check = policy.check(URI.create("https://evil.example.net/hook"), mustNotBeAsked);

        // then
        assertThat(check.refusal()).isEqualTo("host evil.example.net is not in the allowed webhook hosts");
        assertThat(check.addresses()).isEmpty();
    }

    @Test
    void refusesEverythingWithAnEmptyAllowlist() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(null, true, true);

        // when
        TargetCheck check = policy.check(URI.create("https://hooks.example.com/"), resolvingTo(PUBLIC));

        // then
        assertThat(check.allowed()).isFalse();
    }

    @Test
    void refusesAHostNameThatResolvesToAPrivateAddress() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(".example.com"), false, false);

        // when
        TargetCheck check =
                policy.check(URI.create("https://internal.example.com/hook"), resolvingTo(address("10.0.0.5")));

        // then
        assertThat(check.refusal()).isEqualTo("host internal.example.com resolves to 10.0.0.5, a private address");
        assertThat(check.addresses()).containsExactly(address("10.0.0.5"));
    }

    @Test
    void refusesAHostNameWhenAnyOfItsAddressesIsPrivate() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("hooks.example.com"), false, false);

        // when
        TargetCheck check = policy.check(
                URI.create("https://hooks.example.com/hook"), resolvingTo(PUBLIC, address("169.254.169.254")));

        // then
        assertThat(check.allowed()).isFalse();
        assertThat(check.refusal()).contains("169.254.169.254, a link-local address");
    }

    @Test
    void refusesAnIpv4MappedAddressThatTheResolverHandsBackAsIpv6() throws UnknownHostException {
        // given
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress mapped = Inet6Address.getByAddress("mapped.example.com", mappedLoopback, null);
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("mapped.example.com"), false, false);

        // when
        TargetCheck check = policy.check(URI.create("https://mapped.example.com/hook"), resolvingTo(mapped));

        // then
        assertThat(check.refusal()).endsWith("a loopback address");
    }

    @Test
    void refusesAnUnresolvableHost() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("gone.example.com"), false, false);
        HostResolver noSuchHost = host -> {
            throw new UnknownHostException(host);
        };

        // when
        TargetCheck check = policy.check(URI.create("https://gone.example.com/hook"), noSuchHost);

        // then
        assertThat(check.refusal()).isEqualTo("host gone.example.com could not be resolved");
    }

    @Test
    void refusesInsteadOfThrowingWhenResolvingBreaks() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("*"), false, false);
        HostResolver broken = host -> {
            throw new IllegalStateException("resolver exploded");
        };

        // when
        TargetCheck check = policy.check(URI.create("https://hooks.example.com/hook"), broken);

        // then
        assertThat(check.allowed()).isFalse();
        assertThat(check.refusal()).isEqualTo("URL could not be checked (IllegalStateException)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://user:pass@hooks.example.com/hook   | URL must not contain a user name or password",
                "https://hooks.example.com@evil.net/hook    | URL must not contain a user name or password",
                "https://user@my_host/hook                  | URL must not contain a user name or password",
                "ftp://hooks.example.com/hook               | scheme ftp is not allowed; use https",
                "file:///etc/passwd                         | scheme file is not allowed; use https",
                "http://hooks.example.com/hook              | plain http is not allowed; use https",
                "https:///hook                              | URL has no host",
                "https:hooks.example.com                    | URL has no host",
                "/hook                                      | URL has no scheme; use https",
                "https://hooks.example.com:0/hook           | port 0 is not a valid port",
                "https://hooks.example.com:70000/hook       | port 70000 is not a valid port"
            })
    void refusesUrlsThatAreNotPlainHttpsToAHost(String url, String refusal) {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("*"), false, false);

        // when
        TargetCheck check = policy.check(URI.create(url), resolvingTo(PUBLIC));

        // then
        assertThat(check.refusal()).isEqualTo(refusal);
    }

    @Test
    void allowsPlainHttpWhenConfigured() {
        // given
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("hooks.example.com"), false, true);

        // when
        TargetCheck check = policy.check(URI.create("HTTP://hooks.example.com/hook"), resolvingTo(PUBLIC));

        // then
        assertThat(check.allowed()).isTrue();
    }

    @Test
    void refusesAMissingUrl() {
        // given
        URI missing = null;

        // when
        TargetCheck check = ANY_PUBLIC_HOST.check(missing);

        // then
        assertThat(check.refusal()).isEqualTo("no URL was given");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.example.com", " ", "", "hooks*.example.com", "."})
    void rejectsAllowlistEntriesItCannotMatch(String entry) {
        // given
        List<String> allowedHosts = List.of(entry);

        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookTargetPolicy(allowedHosts, false, false));
    }

    private static HostResolver resolvingTo(InetAddress... addresses) {
        return host -> addresses;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notALiteral) {
            throw new IllegalArgumentException(literal, notALiteral);
        }
    }
}
