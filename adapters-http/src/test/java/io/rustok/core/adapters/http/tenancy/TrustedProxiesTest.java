package io.rustok.core.adapters.http.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {
  @Test
  void emptyListTrustsNobody() {
    TrustedProxies proxies = TrustedProxies.parse("  ");

    assertThat(proxies.isEmpty()).isTrue();
    assertThat(proxies.contains("127.0.0.1")).isFalse();
  }

  @Test
  void ipv4BlockContainsItsAddressesOnly() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.16/28");

    assertThat(proxies.contains("10.255.3.4")).isTrue();
    assertThat(proxies.contains("11.0.0.1")).isFalse();
    assertThat(proxies.contains("192.168.1.31")).isTrue();
    assertThat(proxies.contains("192.168.1.32")).isFalse();
  }

  @Test
  void bareAddressIsBlockOfOne() {
    TrustedProxies proxies = TrustedProxies.parse("127.0.0.1");

    assertThat(proxies.contains("127.0.0.1")).isTrue();
    assertThat(proxies.contains("127.0.0.2")).isFalse();
  }

  @Test
  void ipv6BlockMatchesWithOrWithoutBrackets() {
    TrustedProxies proxies = TrustedProxies.parse("fd00::/8,::1");

    assertThat(proxies.contains("fd12:3456::1")).isTrue();
    assertThat(proxies.contains("[::1]")).isTrue();
    assertThat(proxies.contains("fe80::1")).isFalse();
    assertThat(proxies.contains("10.0.0.1")).isFalse();
  }

  @Test
  void mappedIpv4PeerMatchesIpv4Block() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");

    assertThat(proxies.contains("::ffff:10.1.2.3")).isTrue();
  }

  @Test
  void zeroPrefixContainsEveryAddressOfItsFamily() {
    TrustedProxies proxies = TrustedProxies.parse("0.0.0.0/0");

    assertThat(proxies.contains("203.0.113.9")).isTrue();
    assertThat(proxies.contains("2001:db8::1")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.internal", "localhost", "not an address", "", "example.com:80"})
  void peerThatIsNoLiteralIsNeverTrusted(String peer) {
    assertThat(TrustedProxies.parse("0.0.0.0/0,::/0").contains(peer)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/",
        "fd00::/129",
        "10.0.0",
        "256.0.0.1",
        "proxy.internal",
        "10.0.0.0/8,,10.1.0.0/16",
        "1:2"
      })
  void invalidEntryIsRejectedByName(String text) {
    assertThatThrownBy(() -> TrustedProxies.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'");
  }
}
