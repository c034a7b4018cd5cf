package io.spofscan.parsers.cloudformation;

import io.spofscan.core.model.Value;
import java.util.Map;

/** Compact JSON text of a known value, for Fn::ToJsonString. */
final class CfnJson {
  private CfnJson() {}

  static void write(Value v, StringBuilder out) {
    if (v instanceof Value.MapValue m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (v instanceof Value.ListValue l) {
      out.append('[');
      for (int i = 0; i < l.items().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(l.items().get(i), out);
      }
      out.append(']');
    } else if (v instanceof Value.Scalar s && s.value() instanceof String str) {
      string(str, out);
    } else if (v instanceof Value.Scalar s && s.value() != null) {
      out.append(v.asString().orElse("null"));
    } else {
      out.append("null");
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
