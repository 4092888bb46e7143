package io.rustok.core.adapters.http.tenancy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Address ranges of the reverse proxies whose forwarding headers the service believes, written as
 * CIDR blocks such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one.
 *
 * <p>Only literal addresses are accepted, never names, so neither parsing nor matching ever asks
 * DNS. An IPv4-mapped IPv6 peer address such as {@code ::ffff:10.0.0.1} matches as its IPv4 form.
 */
public final class TrustedProxies {
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** Returns a list that trusts no peer, so forwarding headers are always ignored. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * Parses a comma-separated list of CIDR blocks; blank text is the empty list.
   *
   * @throws IllegalArgumentException naming the first entry that is not an IPv4 or IPv6 address
   *     with an optional prefix length that fits it
   */
  public static TrustedProxies parse(String text) {
    List<Block> blocks = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new TrustedProxies(blocks);
    }
    for (String entry : text.split(",", -1)) {
      blocks.add(Block.parse(entry.strip()));
    }
    return new TrustedProxies(blocks);
  }

  /** Returns whether no peer is trusted. */
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /**
   * Returns whether the peer address lies in one of the blocks. An address that is not a literal
   * IPv4 or IPv6 address, with or without brackets, is never trusted.
   */
  public boolean contains(String peerAddress) {
    if (blocks.isEmpty() || peerAddress == null) {
      return false;
    }
    String literal = peerAddress;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    Optional<byte[]> address = toBytes(literal);
    if (address.isEmpty()) {
      return false;
    }
    for (Block block : blocks) {
      if (block.contains(address.get())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return blocks.stream().map(Block::toString).toList().toString();
  }

  /** Returns the address bytes of an IPv4 or IPv6 literal, IPv4-mapped addresses as IPv4. */
  private static Optional<byte[]> toBytes(String literal) {
    int zone = literal.indexOf('%');
    String bare = zone >= 0 ? literal.substring(0, zone) : literal;
    if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
      return Optional.empty();
    }
    boolean ipv4 = IPV4.matcher(bare).matches();
    try {
      // A dotted quad, or any text in brackets, is parsed as a literal and never looked up in DNS.
      InetAddress address = InetAddress.getByName(ipv4 ? bare : "[" + bare + "]");
      return Optional.of(address.getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private record Block(byte[] network, int prefixLength, String text) {
    static Block parse(String entry) {
      int slash = entry.indexOf('/');
      String addressText = slash >= 0 ? entry.substring(0, slash) : entry;
      byte[] address =
          toBytes(addressText)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "'"
                              + entry
                              + "' is not an IPv4 or IPv6 address or CIDR block, such as"
                              + " 10.0.0.0/8 or fd00::/8"));
      int bits = address.length * 8;
      int prefixLength = bits;
      if (slash >= 0) {
        String prefixText = entry.substring(slash + 1);
        if (!prefixText.matches("[0-9]{1,3}") || Integer.parseInt(prefixText) > bits) {
          throw new IllegalArgumentException(
              "'" + entry + "' has an invalid prefix length: expected 0 to " + bits);
        }
        prefixLength = Integer.parseInt(prefixText);
      }
      return new Block(address, prefixLength, entry);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int fullBytes = prefixLength / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int remainingBits = prefixLength % 8;
      if (remainingBits == 0) {
        return true;
      }
      int mask = (0xFF << (8 - remainingBits)) & 0xFF;
      return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
