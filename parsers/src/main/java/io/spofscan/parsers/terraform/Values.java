package io.spofscan.parsers.terraform;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers over {@link Value} for the evaluator: conversions, equality, relocation. */
final class Values {
  private Values() {}

  /** An evaluation error Terraform would report (as opposed to an unknown value); {@code try()} catches it. */
  static final class EvalError extends Exception {
    EvalError(String message) {
      super(message, null, false, false);
    }
  }

  static boolean isUnknown(Value v) {
    return v instanceof Value.Unknown;
  }

  static Value str(String s, SourceRange at) {
    return new Value.Scalar(s, at);
  }

  static Value num(BigDecimal n, SourceRange at) {
    return new Value.Scalar(n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros(), at);
  }

  static Value bool(boolean b, SourceRange at) {
    return new Value.Scalar(b, at);
  }

  static SourceRange rangeOf(Value v, SourceRange fallback) {
    return v.location().orElse(fallback);
  }

  static String typeName(Value v) {
    if (v instanceof Value.Scalar s) {
      Object o = s.value();
      return o == null ? "null" : o instanceof String ? "string" : o instanceof Boolean ? "bool" : "number";
    }
    return v instanceof Value.ListValue ? "list" : v instanceof Value.MapValue ? "object" : "unknown";
  }

  static BigDecimal toNumber(Value v) throws EvalError {
    if (v instanceof Value.Scalar s) {
      if (s.value() instanceof BigDecimal d) {
        return d;
      }
      if (s.value() instanceof String str) {
        try {
          return new BigDecimal(str.trim());
        } catch (NumberFormatException e) {
          throw new EvalError("\"" + str + "\" is not a number");
        }
      }
    }
    throw new EvalError("a number is required, not " + typeName(v));
  }

  static boolean toBool(Value v) throws EvalError {
    if (v instanceof Value.Scalar s) {
      if (s.value() instanceof Boolean b) {
        return b;
      }
      if ("true".equals(s.value())) {
        return true;
      }
      if ("false".equals(s.value())) {
        return false;
      }
    }
    throw new EvalError("a bool is required, not " + typeName(v));
  }

  static String toStr(Value v) throws EvalError {
    if (v instanceof Value.Scalar s && s.value() != null) {
      return v.asString().orElseThrow();
    }
    throw new EvalError("a string is required, not " + typeName(v));
  }

  static boolean same(Value a, Value b) {
    if (a instanceof Value.Scalar x && b instanceof Value.Scalar y) {
      if (x.value() instanceof BigDecimal m && y.value() instanceof BigDecimal n) {
        return m.compareTo(n) == 0;
      }
      return x.value() == null ? y.value() == null : x.value().equals(y.value());
    }
    if (a instanceof Value.ListValue x && b instanceof Value.ListValue y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!same(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Value.MapValue x && b instanceof Value.MapValue y) {
      if (!x.entries().keySet().equals(y.entries().keySet())) {
        return false;
      }
      for (Map.Entry<String, Value> e : x.entries().entrySet()) {
        if (!same(e.getValue(), y.entries().get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The same value with its top node located at {@code at}. */
  static Value at(Value v, SourceRange at) {
    if (v instanceof Value.Scalar s) {
      return new Value.Scalar(s.value(), at);
    }
    if (v instanceof Value.ListValue l) {
      return new Value.ListValue(l.items(), at);
    }
    if (v instanceof Value.MapValue m) {
      return new Value.MapValue(m.entries(), at);
    }
    if (v instanceof Value.Unknown u) {
      return new Value.Unknown(u.reason(), at);
    }
    return v;
  }

  /** The same value with every node located at {@code at}: a value taken from elsewhere belongs where it is used. */
  static Value everywhereAt(Value v, SourceRange at) {
    if (v instanceof Value.ListValue l) {
      List<Value> items = new ArrayList<>();
      for (Value item : l.items()) {
        items.add(everywhereAt(item, at));
      }
      return new Value.ListValue(items, at);
    }
    if (v instanceof Value.MapValue m) {
      Map<String, Value> entries = new LinkedHashMap<>();
      m.entries().forEach((k, item) -> entries.put(k, everywhereAt(item, at)));
      return new Value.MapValue(entries, at);
    }
    return at(v, at);
  }
}
