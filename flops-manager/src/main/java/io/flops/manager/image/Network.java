package io.flops.manager.image;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address is its own
 * /32 or /128), for the repository hosts an operator refuses.
 *
 * @param text as configured
 * @param base the network's address bytes
 * @param prefix how many leading bits an address must share with {@code base}
 */
record Network(String text, byte[] base, int prefix) {

  /**
   * Parses {@code cidr}.
   *
   * @throws IllegalArgumentException naming the value when it is not an IP address with an optional
   *     prefix length that fits it
   */
  static Network parse(String cidr) {
    String trimmed = cidr.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!address.matches("[0-9a-fA-F:.]+") || address.isEmpty()) {
      throw invalid(cidr);
    }
    byte[] base;
    try {
      base = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw invalid(cidr);
    }
    int prefix;
    try {
      prefix = slash < 0 ? base.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw invalid(cidr);
    }
    if (prefix < 0 || prefix > base.length * 8) {
      throw invalid(cidr);
    }
    return new Network(trimmed, base, prefix);
  }

  /** Whether {@code address} lies in this network (an IPv4 address never in an IPv6 one). */
  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != base.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (bytes[i] != base[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[whole] & mask) == (base[whole] & mask);
  }

  private static IllegalArgumentException invalid(String cidr) {
    return new IllegalArgumentException(
        "'"
            + cidr
            + "' in "
            + RepositoryPolicy.DENIED_NETWORKS_SETTING
            + " is not an IP network such as 10.0.0.0/8 or fd00::/8");
  }
}
