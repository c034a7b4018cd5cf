package io.spofscan.parsers.yaml;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Small helpers on located values shared by the YAML/JSON builders and the format readers. */
public final class Values {
  private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
  private static final Pattern DECIMAL_FLOAT = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"
      + "|[-+]?[0-9]+[eE][-+]?[0-9]+");

  private static final int MAX_SCALE = 400;

  private Values() {}

  /** The same value written at {@code at} (a map entry moves to its key, an alias to where it is used). */
  public static Value relocate(Value v, SourceRange at) {
    if (at == null) {
      return v;
    }
    if (v instanceof Value.Scalar s) {
      return s.range() == at ? s : new Value.Scalar(s.value(), at);
    }
    if (v instanceof Value.MapValue m) {
      return m.range() == at ? m : new Value.MapValue(m.entries(), at);
    }
    if (v instanceof Value.ListValue l) {
      return l.range() == at ? l : new Value.ListValue(l.items(), at);
    }
    if (v instanceof Value.Unknown u) {
      return new Value.Unknown(u.reason(), at);
    }
    return v;
  }

  /**
   * A number from its source lexeme. Decimal numbers become BigDecimal, except a fraction whose text would not
   * survive a round trip ("5.10", "1.0": versions, kept as written). Hexadecimal, octal (YAML 1.1 {@code 010}),
   * binary and underscored integers become their value. Anything else (".inf", ".nan", "1:30") stays text.
   */
  public static Value number(String lexeme, SourceRange at) {
    String text = lexeme.trim();
    try {
      if (DECIMAL_INT.matcher(text).matches()) {
        return Value.of(new BigDecimal(text.startsWith("+") ? text.substring(1) : text), at);
      }
      if (DECIMAL_FLOAT.matcher(text).matches()) {
        String unsigned = text.startsWith("+") ? text.substring(1) : text;
        BigDecimal d = new BigDecimal(unsigned);
        boolean exponent = text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
        if (exponent) {
          // 1e999999999 would print as a billion digits: beyond any real setting, keep the text
          return Math.abs((long) d.scale()) > MAX_SCALE || d.precision() - (long) d.scale() > MAX_SCALE
              ? Value.of(text, at) : Value.of(d, at);
        }
        return d.stripTrailingZeros().toPlainString().equals(unsigned) ? Value.of(d, at) : Value.of(text, at);
      }
      String digits = text.replace("_", "");
      boolean negative = digits.startsWith("-");
      if (negative || digits.startsWith("+")) {
        digits = digits.substring(1);
      }
      BigInteger n = null;
      if (digits.startsWith("0x") || digits.startsWith("0X")) {
        n = new BigInteger(digits.substring(2), 16);
      } else if (digits.startsWith("0o")) {
        n = new BigInteger(digits.substring(2), 8);
      } else if (digits.startsWith("0b")) {
        n = new BigInteger(digits.substring(2), 2);
      } else if (digits.length() > 1 && digits.startsWith("0") && digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
        n = new BigInteger(digits.substring(1), 8);
      } else if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
        n = new BigInteger(digits);
      }
      if (n != null) {
        return Value.of(new BigDecimal(negative ? n.negate() : n), at);
      }
    } catch (NumberFormatException e) {
      // fall through: keep the text
    }
    return Value.of(text, at);
  }
}
