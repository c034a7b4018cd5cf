package io.spofscan.parsers.cloudformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fn::Cidr for IPv4: the first {@code count} subnets with {@code cidrBits} host bits inside a block. */
final class Cidrs {
  private Cidrs() {}

  static Optional<List<String>> subnets(String block, int count, int cidrBits) {
    int slash = block.indexOf('/');
    if (slash < 0 || count < 1 || count > 256 || cidrBits < 1 || cidrBits > 32) {
      return Optional.empty();
    }
    String[] octets = block.substring(0, slash).split("\\.");
    if (octets.length != 4) {
      return Optional.empty();
    }
    try {
      long base = 0;
      for (String o : octets) {
        int n = Integer.parseInt(o);
        if (n < 0 || n > 255) {
          return Optional.empty();
        }
        base = (base << 8) | n;
      }
      int prefix = Integer.parseInt(block.substring(slash + 1));
      int subnetPrefix = 32 - cidrBits;
      if (prefix < 0 || prefix > 32 || subnetPrefix < prefix || count > (1L << (subnetPrefix - prefix))) {
        return Optional.empty();
      }
      long network = base & (prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        long start = network + ((long) i << cidrBits);
        out.add(((start >> 24) & 255) + "." + ((start >> 16) & 255) + "." + ((start >> 8) & 255) + "." + (start & 255)
            + "/" + subnetPrefix);
      }
      return Optional.of(out);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
