package io.spofscan.rules.support;

import io.spofscan.core.model.Value;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers rules share for reading three-valued attributes and phrasing what an unknown depends on. */
public final class Values {
  private Values() {}

  /**
   * What an unknown value depends on, for "depends on ..." messages: a reason that is a sentence about its subject
   * ("var.x has no value") becomes a noun phrase ("var.x, which has no value").
   */
  public static String why(Value v) {
    return v.unknownReason().map(Values::asDependency).orElse("a value that could not be resolved");
  }

  private static final Pattern SUBJECT_VERB =
      Pattern.compile("(.+?) (has|is|was|are|were|comes|depends) (.+)");

  static String asDependency(String reason) {
    Matcher m = SUBJECT_VERB.matcher(reason);
    return m.matches() ? m.group(1) + ", which " + m.group(2) + " " + m.group(3) : reason;
  }

  /** The first unknown among {@code values}, if any. */
  public static Optional<Value> firstUnknown(Value... values) {
    for (Value v : values) {
      if (v.isUnknown()) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Present: written and not an explicit null (unknown counts as present). */
  public static boolean present(Value v) {
    return !v.isAbsent() && !v.isNull() && !(v.asString().map(String::isEmpty).orElse(false));
  }

  /** Lower-cased text of a known scalar. */
  public static Optional<String> lower(Value v) {
    return v.asString().map(s -> s.toLowerCase(Locale.ROOT));
  }

  /** A whole number, the default when absent or null; empty when unknown or not a number. */
  public static OptionalLong longOr(Value v, long whenAbsent) {
    if (v.isAbsent() || v.isNull()) {
      return OptionalLong.of(whenAbsent);
    }
    return v.asLong();
  }

  /** "1 node" / "3 nodes". */
  public static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * The {@code Value} of the entry whose {@code Key} is {@code key} in a CloudFormation list of Key/Value pairs
   * (ELBv2 LoadBalancerAttributes, target group attributes): absent when no entry has that key, unknown when the
   * list or a key is unresolved.
   */
  public static Value keyed(Value pairs, String key) {
    if (pairs.isUnknown()) {
      return pairs;
    }
    for (Value pair : pairs.items()) {
      Value k = pair.get("Key");
      if (k.isUnknown()) {
        return k;
      }
      if (k.asString().map(key::equals).orElse(false)) {
        return pair.get("Value");
      }
    }
    return Value.absent();
  }

  /** An attribute of a nested node (one block or list entry), at the path {@code format} writes it. */
  public static Value within(Value node, io.spofscan.core.model.Attr attr, io.spofscan.core.model.Format format) {
    return attr.pathFor(format).map(node::path).orElse(Value.absent());
  }
}
