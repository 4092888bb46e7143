package io.rustok.core.adapters.http.tenancy;

import io.rustok.core.adapters.http.tenancy.RequestHost.Invalid;
import io.rustok.core.adapters.http.tenancy.RequestHost.IpAddress;
import io.rustok.core.adapters.http.tenancy.RequestHost.Named;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.HostName;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reading and normalising the host header values behind {@link RequestHost#of}. */
final class HostHeaders {
  static final String HOST = RequestHost.HOST;
  static final String FORWARDED = RequestHost.FORWARDED;
  static final String X_FORWARDED_HOST = RequestHost.X_FORWARDED_HOST;
  static final int MAX_LENGTH = RequestHost.MAX_LENGTH;

  private static final Pattern PORT = Pattern.compile("[0-9]{0,5}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[^\\]]+)?");
  private static final Pattern IP_FUTURE = Pattern.compile("[vV][0-9A-Fa-f]+\\..+");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9A-Fa-f]*");

  private HostHeaders() {}

  static RequestHost fromHostHeader(Function<String, List<String>> headers) {
    List<String> values = headers.apply(HOST);
    if (values.isEmpty()) {
      return new Invalid(HOST, "is missing");
    }
    if (values.size() > 1) {
      return new Invalid(HOST, "must appear only once");
    }
    return parse(values.get(0), HOST);
  }

  static RequestHost fromForwarded(String value, Function<String, List<String>> headers) {
    if (value.length() > MAX_LENGTH * 4) {
      return new Invalid(FORWARDED, "is longer than " + MAX_LENGTH * 4 + " characters");
    }
    List<Map<String, String>> elements;
    try {
      elements = ForwardedHeader.parse(value);
    } catch (ForwardedHeader.InvalidForwardedException e) {
      return new Invalid(FORWARDED, "is malformed: " + e.getMessage());
    }
    if (elements.isEmpty()) {
      return new Invalid(FORWARDED, "has no element");
    }
    String host = elements.get(elements.size() - 1).get("host");
    return host == null ? fromHostHeader(headers) : parse(host, FORWARDED);
  }

  /** Normalises one host value, such as {@code Acme.Example.COM.:8443}, taken from header. */
  static RequestHost parse(String raw, String header) {
    if (raw.length() > MAX_LENGTH) {
      return new Invalid(header, "is longer than " + MAX_LENGTH + " characters");
    }
    String value = raw.strip();
    if (value.isEmpty()) {
      return new Invalid(header, "is empty");
    }
    if (value.startsWith("[")) {
      return bracketed(value, header);
    }
    String name = value;
    int colon = value.indexOf(':');
    if (colon >= 0) {
      if (value.indexOf(':', colon + 1) >= 0) {
        return new Invalid(header, "must put an IPv6 address in brackets, such as [::1]");
      }
      if (!isPort(value.substring(colon + 1))) {
        return new Invalid(header, "has an invalid port");
      }
      name = value.substring(0, colon);
    }
    if (name.isEmpty()) {
      return new Invalid(header, "has no host name");
    }
    if (endsInNumber(name)) {
      return new IpAddress(header);
    }
    try {
      return new Named(HostName.parse(name), header);
    } catch (ValidationException e) {
      return new Invalid(header, e.reason());
    }
  }

  private static RequestHost bracketed(String value, String header) {
    int close = value.indexOf(']');
    if (close < 0) {
      return new Invalid(header, "has an IPv6 address without its closing bracket");
    }
    String literal = value.substring(1, close);
    String rest = value.substring(close + 1);
    if (!rest.isEmpty() && !(rest.charAt(0) == ':' && isPort(rest.substring(1)))) {
      return new Invalid(header, "has an invalid port after the IPv6 address");
    }
    if (!IPV6_LITERAL.matcher(literal).matches() && !IP_FUTURE.matcher(literal).matches()) {
      return new Invalid(header, "has an invalid IPv6 address in brackets");
    }
    return new IpAddress(header);
  }

  private static boolean isPort(String text) {
    return PORT.matcher(text).matches() && (text.isEmpty() || Integer.parseInt(text) <= 65_535);
  }

  /**
   * Returns whether the last label is a number, decimal or hexadecimal, so that browsers and
   * resolvers read the name as an IPv4 address ({@code 10.1}, {@code 0x7f000001}); one trailing dot
   * is ignored.
   */
  private static boolean endsInNumber(String name) {
    String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
    return !last.isEmpty() && NUMBER.matcher(last).matches();
  }
}
