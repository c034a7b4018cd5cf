package io.spofscan.parsers.terraform;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a variable's value to its declared type constraint as Terraform does: object attributes declared
 * {@code optional(T, default)} and not given take their default (or null), primitives convert ("3" for a number).
 * Unknown values and unrecognised types are left as they are.
 */
final class Types {
  private Types() {}

  static Value convert(Value v, Expr type, Evaluator ev, Scope literals) {
    if (type == null || v instanceof Value.Unknown || (v instanceof Value.Scalar s && s.value() == null)) {
      return v;
    }
    if (type instanceof Expr.Traversal t && t.steps().isEmpty()) {
      return primitive(v, t.root());
    }
    if (!(type instanceof Expr.Call c) || c.args().isEmpty()) {
      return v;
    }
    Expr element = c.args().get(0);
    switch (c.name()) {
      case "optional":
        return convert(v, element, ev, literals);
      case "list":
      case "set":
        if (v instanceof Value.ListValue l) {
          List<Value> items = new ArrayList<>();
          for (Value item : l.items()) {
            items.add(convert(item, element, ev, literals));
          }
          return new Value.ListValue(items, l.range());
        }
        return v;
      case "map":
        if (v instanceof Value.MapValue m) {
          Map<String, Value> entries = new LinkedHashMap<>();
          m.entries().forEach((k, item) -> entries.put(k, convert(item, element, ev, literals)));
          return new Value.MapValue(entries, m.range());
        }
        return v;
      case "tuple":
        if (v instanceof Value.ListValue l && element instanceof Expr.Tuple types) {
          List<Value> items = new ArrayList<>();
          for (int i = 0; i < l.items().size(); i++) {
            items.add(i < types.items().size() ? convert(l.items().get(i), types.items().get(i), ev, literals)
                : l.items().get(i));
          }
          return new Value.ListValue(items, l.range());
        }
        return v;
      case "object":
        if (v instanceof Value.MapValue m && element instanceof Expr.ObjectCons spec) {
          return object(m, spec, ev, literals);
        }
        return v;
      default:
        return v;
    }
  }

  private static Value object(Value.MapValue m, Expr.ObjectCons spec, Evaluator ev, Scope literals) {
    Map<String, Value> entries = new LinkedHashMap<>(m.entries());
    for (Expr.Item item : spec.items()) {
      if (!(item.key() instanceof Expr.Literal l) || !(l.value() instanceof String key)) {
        continue;
      }
      Value given = m.entries().get(key);
      boolean missing = given == null || (given instanceof Value.Scalar s && s.value() == null);
      if (!missing) {
        entries.put(key, convert(given, item.value(), ev, literals));
      } else if (item.value() instanceof Expr.Call opt && opt.name().equals("optional")) {
        entries.put(key, optionalDefault(opt, m.range(), ev, literals));
      }
    }
    return new Value.MapValue(entries, m.range());
  }

  private static Value optionalDefault(Expr.Call optional, SourceRange at, Evaluator ev, Scope literals) {
    if (optional.args().size() < 2) {
      return new Value.Scalar(null, at);
    }
    try {
      Value d = ev.eval(optional.args().get(1), literals);
      return Values.everywhereAt(convert(d, optional.args().get(0), ev, literals), at);
    } catch (Values.EvalError | RuntimeException e) {
      return new Value.Scalar(null, at);
    }
  }

  private static Value primitive(Value v, String type) {
    if (!(v instanceof Value.Scalar s)) {
      return v;
    }
    SourceRange at = s.range();
    try {
      return switch (type) {
        case "string" -> Values.str(Values.toStr(v), at);
        case "number" -> Values.num(Values.toNumber(v), at);
        case "bool" -> Values.bool(Values.toBool(v), at);
        default -> v;
      };
    } catch (Values.EvalError e) {
      return v;
    }
  }
}
