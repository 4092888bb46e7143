package io.rustok.core.adapters.http.tenancy;

import io.rustok.core.domain.tenancy.HostName;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The host a request was sent to, read from its headers, as the key of a tenant lookup.
 *
 * <p>The {@code Host} header decides, unless the peer is a {@linkplain TrustedProxies trusted
 * proxy}. From a trusted proxy, the {@code host} parameter of the last {@code Forwarded} element
 * decides, because an appending proxy puts its own element last and anything before it came from
 * the client. Without a {@code Forwarded} header, the last value of {@code X-Forwarded-Host}
 * decides. When the proxy sends {@code Forwarded} whose last element has no {@code host}, the
 * {@code Host} header decides and {@code X-Forwarded-Host} is ignored.
 *
 * <p>The chosen value is normalised before any lookup: surrounding spaces trimmed, the port removed
 * ({@code [v6]:port} included), then {@link HostName#parse}: lowercase, one trailing dot dropped,
 * internationalised labels in punycode. An IP address, in brackets or dotted, is {@link IpAddress}:
 * never a tenant's host. Everything else that is empty, malformed or longer than {@value
 * #MAX_LENGTH} characters is {@link Invalid}.
 */
public sealed interface RequestHost {
  /** Maximum header length read. A longer value is invalid without being parsed. */
  int MAX_LENGTH = 1024;

  /** The request names this host, read from {@code header}. */
  record Named(HostName host, String header) implements RequestHost {}

  /** The request names an IP address, which is never a tenant's host. */
  record IpAddress(String header) implements RequestHost {}

  /** The deciding header is missing, empty or malformed, as {@code reason} states. */
  record Invalid(String header, String reason) implements RequestHost {}

  String HOST = "Host";
  String FORWARDED = "Forwarded";
  String X_FORWARDED_HOST = "X-Forwarded-Host";

  /**
   * Reads the request host.
   *
   * @param peerAddress the address of the TCP peer, the last hop, as text
   * @param headers returns every value of a header, one entry per header line, empty when absent
   */
  static RequestHost of(
      String peerAddress, TrustedProxies proxies, Function<String, List<String>> headers) {
    Objects.requireNonNull(proxies, "proxies");
    Objects.requireNonNull(headers, "headers");
    if (proxies.contains(peerAddress)) {
      List<String> forwarded = headers.apply(FORWARDED);
      if (!forwarded.isEmpty()) {
        return HostHeaders.fromForwarded(String.join(",", forwarded), headers);
      }
      List<String> forwardedHost = headers.apply(X_FORWARDED_HOST);
      if (!forwardedHost.isEmpty()) {
        String joined = String.join(",", forwardedHost);
        String last = joined.substring(joined.lastIndexOf(',') + 1);
        return HostHeaders.parse(last, X_FORWARDED_HOST);
      }
    }
    return HostHeaders.fromHostHeader(headers);
  }
}
