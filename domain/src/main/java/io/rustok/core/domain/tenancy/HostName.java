package io.rustok.core.domain.tenancy;

import io.rustok.core.domain.shared.ValidationException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DNS host name registered for a tenant, in its normalised form: lowercase ASCII, internationalised
 * labels in their punycode ({@code xn--}) form, no trailing dot, no port. IP literals are never
 * host names, because a tenant is named by its domain, not by an address that many tenants share.
 */
public record HostName(String value) {
  public static final int MAX_LENGTH = 253;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  // URL parsers (WHATWG URL) read a host whose last label is a number, decimal or hex, as an
  // IPv4 address in a short form such as 127.1 or 0x7f.1, so such a name is never a domain.
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

  public HostName {
    if (value == null || !value.equals(normalise(value))) {
      throw new ValidationException("host", "must be a normalised host name such as example.com");
    }
  }

  /**
   * Parses a host name as a client may write it: any case, one trailing dot, Unicode labels.
   *
   * @throws ValidationException if the text is empty, too long, an IP literal or not a host name
   */
  public static HostName parse(String text) {
    return new HostName(normalise(text));
  }

  private static String normalise(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid("must not be empty");
    }
    String host = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    String lastLabel = host.substring(host.lastIndexOf('.') + 1);
    if (host.startsWith("[") || host.contains(":") || NUMERIC_LABEL.matcher(lastLabel).matches()) {
      throw invalid("must be a domain name, not an IP address");
    }
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalid("is not a valid internationalised domain name");
    }
    if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
      throw invalid("must be 1 to " + MAX_LENGTH + " characters");
    }
    for (String label : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        throw invalid("must be dot-separated labels of letters, digits and inner hyphens");
      }
    }
    return ascii;
  }

  private static ValidationException invalid(String reason) {
    return new ValidationException("host", reason);
  }

  @Override
  public String toString() {
    return value;
  }
}
