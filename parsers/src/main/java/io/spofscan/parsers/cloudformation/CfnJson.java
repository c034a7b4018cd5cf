package io.spofscan.parsers.cloudformation;

import io.spofscan.core.model.Value;
import io.spofscan.core.json.Json;
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
    Json.quote(s, out);
  }
}
