package io.rustok.core.adapters.http.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.tenancy.HostName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHostTest {
  private static final String PEER = "192.0.2.10";
  private static final TrustedProxies TRUSTING_PEER = TrustedProxies.parse("192.0.2.0/24");
  private static final TrustedProxies TRUSTING_OTHERS = TrustedProxies.parse("10.0.0.0/8");

  @Test
  void hostIsLowercased() {
    assertThat(fromHost("Acme.Example.COM")).isEqualTo(named("acme.example.com", "Host"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.example.com:8443", "acme.example.com", "acme.example.com:"})
  void portIsRemovedAndOptional(String host) {
    assertThat(fromHost(host)).isEqualTo(named("acme.example.com", "Host"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.example.com.", "acme.example.com.:8080"})
  void oneTrailingDotIsDropped(String host) {
    assertThat(fromHost(host)).isEqualTo(named("acme.example.com", "Host"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[::1]:8080", "[::1]", "[::1]:", "[2001:db8::7]", "[fe80::1%25eth0]:80"})
  void bracketedIpv6IsAnAddressNotCut(String host) {
    assertThat(fromHost(host)).isEqualTo(new RequestHost.IpAddress("Host"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "192.0.2.1:80", "127.1", "0x7f000001", "10.0.0.1."})
  void ipv4FormsAreAddresses(String host) {
    assertThat(fromHost(host)).isEqualTo(new RequestHost.IpAddress("Host"));
  }

  @Test
  void internationalisedNameIsPunycode() {
    assertThat(fromHost("Bücher.Example")).isEqualTo(named("xn--bcher-kva.example", "Host"));
  }

  @Test
  void missingHostIsInvalid() {
    RequestHost host = RequestHost.of(PEER, TrustedProxies.none(), headers());

    assertThat(host).isEqualTo(new RequestHost.Invalid("Host", "is missing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyHostIsInvalid(String host) {
    assertThat(fromHost(host)).isEqualTo(new RequestHost.Invalid("Host", "is empty"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "::1",
        "[::1",
        "[::1]8080",
        "[not-an-address]",
        "acme.example.com:99999",
        "acme.example.com:80a",
        ":8080",
        "acme..example.com",
        "acme.example.com..",
        "acme example.com",
        "acme_example.com",
        "-acme.example.com",
        "acme.example.com/path",
        "user@acme.example.com"
      })
  void malformedHostIsInvalid(String host) {
    assertThat(fromHost(host)).isInstanceOf(RequestHost.Invalid.class);
  }

  @Test
  void overlongHostIsInvalid() {
    String label = "a".repeat(60);
    String name = String.join(".", label, label, label, label, label);

    assertThat(fromHost(name)).isInstanceOf(RequestHost.Invalid.class);
    assertThat(fromHost("a".repeat(RequestHost.MAX_LENGTH + 1)))
        .isEqualTo(
            new RequestHost.Invalid(
                "Host", "is longer than " + RequestHost.MAX_LENGTH + " characters"));
  }

  @Test
  void repeatedHostIsInvalid() {
    RequestHost host =
        RequestHost.of(
            PEER, TrustedProxies.none(), headers("Host", "a.example", "Host", "b.example"));

    assertThat(host).isEqualTo(new RequestHost.Invalid("Host", "must appear only once"));
  }

  @Test
  void forwardedHostFromTrustedProxyDecides() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers(
                "Host",
                "proxy.internal",
                "Forwarded",
                "for=192.0.2.60;proto=https;host=\"acme.example.com:8443\""));

    assertThat(host).isEqualTo(named("acme.example.com", "Forwarded"));
  }

  @Test
  void lastForwardedElementDecides() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers(
                "Host",
                "proxy.internal",
                "Forwarded",
                "for=192.0.2.43;host=evil.example, for=198.51.100.17;host=acme.example.com"));

    assertThat(host).isEqualTo(named("acme.example.com", "Forwarded"));
  }

  @Test
  void lastForwardedLineDecides() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers(
                "Host",
                "proxy.internal",
                "Forwarded",
                "for=192.0.2.43;host=evil.example",
                "Forwarded",
                "for=198.51.100.17;host=acme.example.com"));

    assertThat(host).isEqualTo(named("acme.example.com", "Forwarded"));
  }

  @Test
  void quotedForwardedValueMayHoldSeparators() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers(
                "Host",
                "proxy.internal",
                "Forwarded",
                "for=\"[2001:db8::1]:4711\";by=\"a,b;c\";HOST=\"Acme.Example.COM\""));

    assertThat(host).isEqualTo(named("acme.example.com", "Forwarded"));
  }

  @Test
  void forwardedWithoutHostLeavesHostHeaderDeciding() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers(
                "Host",
                "acme.example.com",
                "Forwarded",
                "for=192.0.2.43;host=evil.example, for=198.51.100.17",
                "X-Forwarded-Host",
                "evil.example"));

    assertThat(host).isEqualTo(named("acme.example.com", "Host"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "for=192.0.2.43;host=\"acme.example.com",
        "for",
        "host=a.example;host=b.example",
        "for=192.0.2.43 host=acme.example.com",
        "=acme"
      })
  void malformedForwardedFromTrustedProxyIsInvalid(String forwarded) {
    RequestHost host =
        RequestHost.of(
            PEER, TRUSTING_PEER, headers("Host", "acme.example.com", "Forwarded", forwarded));

    assertThat(host).isInstanceOf(RequestHost.Invalid.class);
    assertThat(((RequestHost.Invalid) host).header()).isEqualTo("Forwarded");
  }

  @Test
  void forwardingHeadersFromUntrustedPeerAreIgnored() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_OTHERS,
            headers(
                "Host",
                "acme.example.com",
                "X-Forwarded-Host",
                "evil.example",
                "Forwarded",
                "host=evil.example"));

    assertThat(host).isEqualTo(named("acme.example.com", "Host"));
  }

  @Test
  void forwardingHeadersAreIgnoredByDefault() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TrustedProxies.none(),
            headers("Host", "acme.example.com", "X-Forwarded-Host", "evil.example"));

    assertThat(host).isEqualTo(named("acme.example.com", "Host"));
  }

  @Test
  void forwardedHostFromTrustedProxyIsTrimmed() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers("Host", "proxy.internal", "X-Forwarded-Host", "   acme.example.com   "));

    assertThat(host).isEqualTo(named("acme.example.com", "X-Forwarded-Host"));
  }

  @Test
  void lastForwardedHostValueDecides() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers(
                "Host",
                "proxy.internal",
                "X-Forwarded-Host",
                "evil.example, acme.example.com:443"));

    assertThat(host).isEqualTo(named("acme.example.com", "X-Forwarded-Host"));
  }

  @Test
  void emptyLastForwardedHostIsInvalid() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers("Host", "acme.example.com", "X-Forwarded-Host", "acme.example.com, "));

    assertThat(host).isEqualTo(new RequestHost.Invalid("X-Forwarded-Host", "is empty"));
  }

  @Test
  void forwardedWinsOverForwardedHost() {
    RequestHost host =
        RequestHost.of(
            PEER,
            TRUSTING_PEER,
            headers(
                "Host",
                "proxy.internal",
                "X-Forwarded-Host",
                "evil.example",
                "Forwarded",
                "host=acme.example.com"));

    assertThat(host).isEqualTo(named("acme.example.com", "Forwarded"));
  }

  private static RequestHost fromHost(String host) {
    return RequestHost.of(PEER, TrustedProxies.none(), headers("Host", host));
  }

  private static RequestHost named(String host, String header) {
    return new RequestHost.Named(new HostName(host), header);
  }

  /** Returns a header lookup over names and values given in turn; a name may repeat. */
  private static java.util.function.Function<String, List<String>> headers(String... pairs) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      byName.computeIfAbsent(pairs[i].toLowerCase(), name -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return name -> byName.getOrDefault(name.toLowerCase(), List.of());
  }
}
