package io.spofscan.rules.rollout;

import io.spofscan.core.model.Value;
import java.math.BigDecimal;
import java.util.Optional;

/** Rollout sizes written as a number ({@code 2}) or a percentage ({@code "100%"}). */
final class Amounts {
  private Amounts() {}

  static final BigDecimal ALL = BigDecimal.valueOf(100);

  static Optional<BigDecimal> percent(Value v) {
    return v.asString().map(String::strip).filter(s -> s.endsWith("%"))
        .flatMap(s -> parse(s.substring(0, s.length() - 1)));
  }

  static Optional<BigDecimal> number(Value v) {
    if (v instanceof Value.Scalar s && s.value() instanceof BigDecimal d) {
      return Optional.of(d);
    }
    return v.asString().filter(s -> !s.contains("%")).flatMap(Amounts::parse);
  }

  private static Optional<BigDecimal> parse(String s) {
    try {
      return Optional.of(new BigDecimal(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
