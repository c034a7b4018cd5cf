package io.spofscan.core.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A located node of a resource's property tree. Every node but {@link Absent} knows where it was written: for a map
 * entry that is the position of its key (the attribute a finding should point at), for a list item its start.
 *
 * <p>Values are three-valued: a node whose value depends on something the scan cannot resolve is {@link Unknown}
 * and says why. Navigation through an unknown node stays unknown, so a rule can never mistake it for false.
 */
public sealed interface Value {

  /** Where the value was written, or empty for {@link Absent}. */
  Optional<SourceRange> location();

  /** A known scalar: a String, Boolean, BigDecimal, or null for an explicit null. */
  record Scalar(Object value, SourceRange range) implements Value {
    public Scalar {
      if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof BigDecimal)) {
        throw new IllegalArgumentException("unsupported scalar " + value.getClass().getName());
      }
    }

    @Override
    public Optional<SourceRange> location() {
      return Optional.ofNullable(range);
    }
  }

  /** A list (Terraform tuple or repeated nested block, YAML/JSON sequence). */
  record ListValue(List<Value> items, SourceRange range) implements Value {
    public ListValue {
      items = List.copyOf(items);
    }

    @Override
    public Optional<SourceRange> location() {
      return Optional.ofNullable(range);
    }
  }

  /** A mapping (Terraform object or block body, YAML/JSON mapping), in source order. */
  record MapValue(Map<String, Value> entries, SourceRange range) implements Value {
    public MapValue {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public Optional<SourceRange> location() {
      return Optional.ofNullable(range);
    }
  }

  /** A value that depends on something unresolved; {@code reason} names it, e.g. "var.multi_az has no value". */
  record Unknown(String reason, SourceRange range) implements Value {
    @Override
    public Optional<SourceRange> location() {
      return Optional.ofNullable(range);
    }
  }

  /** The attribute is not written at all. */
  enum Absent implements Value {
    INSTANCE;

    @Override
    public Optional<SourceRange> location() {
      return Optional.empty();
    }
  }

  static Value absent() {
    return Absent.INSTANCE;
  }

  static Value unknown(String reason, SourceRange range) {
    return new Unknown(reason, range);
  }

  static Value of(Object value, SourceRange range) {
    Object v = value;
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      v = BigDecimal.valueOf(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      v = BigDecimal.valueOf(((Number) v).doubleValue());
    }
    return new Scalar(v, range);
  }

  default boolean isAbsent() {
    return this == Absent.INSTANCE;
  }

  default boolean isUnknown() {
    return this instanceof Unknown;
  }

  /** Known and present (not absent, not unknown; explicit null counts as present). */
  default boolean isKnown() {
    return !isAbsent() && !isUnknown();
  }

  default boolean isNull() {
    return this instanceof Scalar s && s.value() == null;
  }

  /** The reason a value is unknown, or empty when it is not. */
  default Optional<String> unknownReason() {
    return this instanceof Unknown u ? Optional.of(u.reason()) : Optional.empty();
  }

  /**
   * The entry {@code key} of a map. A list is looked through to its first item, because a Terraform nested block
   * written once is the same thing as a CloudFormation/YAML mapping. Unknown stays unknown; anything else is absent.
   */
  default Value get(String key) {
    if (this instanceof MapValue m) {
      return m.entries().getOrDefault(key, absent());
    }
    if (this instanceof ListValue l && !l.items().isEmpty() && l.items().get(0) instanceof MapValue first) {
      return first.get(key);
    }
    if (this instanceof Unknown u) {
      return new Unknown(u.reason(), u.range());
    }
    return absent();
  }

  /** Navigate a dotted path of keys ("spec.template.spec"); a numeric segment indexes a list. */
  default Value path(String dotted) {
    Value current = this;
    for (String segment : dotted.split("\\.")) {
      if (current instanceof ListValue l && isIndex(segment)) {
        int i = Integer.parseInt(segment);
        current = i < l.items().size() ? l.items().get(i) : absent();
      } else {
        current = current.get(segment);
      }
      if (current.isAbsent()) {
        return current;
      }
    }
    return current;
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.length() < 9 && s.chars().allMatch(Character::isDigit);
  }

  /** Items of a list; a single map counts as a one-item list (a block written once). */
  default List<Value> items() {
    if (this instanceof ListValue l) {
      return l.items();
    }
    if (this instanceof MapValue) {
      return List.of(this);
    }
    return List.of();
  }

  default Map<String, Value> entries() {
    return this instanceof MapValue m ? m.entries() : Map.of();
  }

  /**
   * Truth of a boolean attribute. Booleans and the strings "true"/"false" (any case) are known; unknown is unknown;
   * an absent attribute takes {@code whenAbsent} (the provider's default); anything else is unknown.
   */
  default Truth truth(boolean whenAbsent) {
    if (isAbsent()) {
      return Truth.of(whenAbsent);
    }
    if (this instanceof Scalar s) {
      if (s.value() instanceof Boolean b) {
        return Truth.of(b);
      }
      if (s.value() instanceof String str) {
        String lower = str.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
          return Truth.TRUE;
        }
        if (lower.equals("false")) {
          return Truth.FALSE;
        }
      }
      if (s.value() == null) {
        return Truth.of(whenAbsent);
      }
    }
    return Truth.UNKNOWN;
  }

  /** The text of a known scalar: strings as written, numbers in plain notation, booleans as true/false. */
  default Optional<String> asString() {
    if (this instanceof Scalar s && s.value() != null) {
      if (s.value() instanceof BigDecimal d) {
        return Optional.of(d.stripTrailingZeros().toPlainString());
      }
      return Optional.of(s.value().toString());
    }
    return Optional.empty();
  }

  /** A known whole number, also from a numeric string ("3"). */
  default OptionalLong asLong() {
    if (this instanceof Scalar s) {
      try {
        if (s.value() instanceof BigDecimal d) {
          return OptionalLong.of(d.longValueExact());
        }
        if (s.value() instanceof String str) {
          return OptionalLong.of(Long.parseLong(str.trim()));
        }
      } catch (ArithmeticException | NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  /** A short description for messages: the literal, or "unknown (reason)". */
  default String describe() {
    if (this instanceof Unknown u) {
      return "unknown (" + u.reason() + ")";
    }
    if (isAbsent()) {
      return "absent";
    }
    return asString().orElse(this instanceof Scalar ? "null" : this instanceof ListValue ? "[...]" : "{...}");
  }
}
