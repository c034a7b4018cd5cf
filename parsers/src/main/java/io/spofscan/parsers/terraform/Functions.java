package io.spofscan.parsers.terraform;

import io.spofscan.core.json.Json;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.terraform.Values.EvalError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The Terraform built-in functions the scan evaluates; any other is unknown with a reason. */
final class Functions {
  /**
   * Bounds on what evaluation may build, so a file cannot grow values exponentially (a chain of locals each
   * doubling the previous one) into an OutOfMemoryError or an endless loop. Past them the value is unknown.
   */
  static final int MAX_STRING_CHARS = 1 << 20;
  static final int MAX_LIST_ITEMS = 100_000;

  private Functions() {}

  private static void encodeJson(Value v, StringBuilder out) throws EvalError {
    if (out.length() > MAX_STRING_CHARS) {
      return;
    }
    if (v instanceof Value.MapValue m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : new TreeMap<>(m.entries()).entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        encodeJsonString(e.getKey(), out);
        out.append(':');
        encodeJson(e.getValue(), out);
      }
      out.append('}');
    } else if (v instanceof Value.ListValue l) {
      out.append('[');
      for (int i = 0; i < l.items().size(); i++) {
        out.append(i == 0 ? "" : ",");
        encodeJson(l.items().get(i), out);
      }
      out.append(']');
    } else if (v instanceof Value.Scalar s) {
      if (s.value() == null) {
        out.append("null");
      } else if (s.value() instanceof Boolean b) {
        out.append(b);
      } else if (s.value() instanceof BigDecimal n) {
        out.append(n.stripTrailingZeros().toPlainString());
      } else {
        encodeJsonString(s.value().toString(), out);
      }
    } else {
      throw new EvalError("cannot encode " + Values.typeName(v));
    }
  }

  /** A JSON string as Terraform writes it: HTML's special characters escaped too. */
  private static void encodeJsonString(String s, StringBuilder out) {
    StringBuilder quoted = new StringBuilder();
    Json.quote(s, quoted);
    out.append(quoted.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
  }

  /**
   * slice() of a list known only after apply: Terraform fails unless the list has {@code to} items, so a slice that
   * applies has exactly {@code to - from} of them, each as unknown as the list (e.g. the first three zone names).
   */
  private static Optional<Value> sliceOfUnknown(Value.Unknown list, Value from, Value to, SourceRange at) {
    if (!(from instanceof Value.Scalar) || !(to instanceof Value.Scalar)) {
      return Optional.empty();
    }
    long start;
    long end;
    try {
      start = Values.toNumber(from).longValue();
      end = Values.toNumber(to).longValue();
    } catch (EvalError e) {
      return Optional.empty(); // the general path reports it
    }
    if (start < 0 || end < start || end - start > MAX_LIST_ITEMS) {
      return Optional.empty();
    }
    List<Value> items = new ArrayList<>();
    for (long i = start; i < end; i++) {
      items.add(new Value.Unknown(list.reason(), at));
    }
    return Optional.of(new Value.ListValue(items, at));
  }

  private static final Set<String> AFTER_APPLY = Set.of("file", "templatefile", "filebase64", "fileexists",
      "fileset", "filemd5", "filesha1", "filesha256", "filesha512", "filebase64sha256", "filebase64sha512",
      "timestamp", "uuid", "bcrypt", "plantimestamp");

  private static final Set<String> STRING_RESULTS = Set.of("join", "format", "tostring", "lower", "upper",
      "jsonencode", "yamlencode");

  /** The first unknown inside a value (bounded by the parser's nesting limit). */
  static Value.Unknown firstUnknown(Value v) {
    if (v instanceof Value.Unknown u) {
      return u;
    }
    for (Value child : v instanceof Value.MapValue m ? m.entries().values() : v.items()) {
      if (child != v) {
        Value.Unknown u = firstUnknown(child);
        if (u != null) {
          return u;
        }
      }
    }
    return null;
  }

  static Value call(Expr.Call c, Scope scope, Evaluator ev) throws EvalError {
    String name = c.name();
    SourceRange at = c.range();
    if (name.equals("try")) {
      for (Expr arg : c.args()) {
        try {
          return ev.eval(arg, scope);
        } catch (EvalError e) {
          // the next argument
        }
      }
      throw new EvalError("no argument of try() could be evaluated");
    }
    if (name.equals("can")) {
      try {
        Value v = ev.eval(c.args().get(0), scope);
        return v instanceof Value.Unknown ? v : Values.bool(true, at);
      } catch (EvalError | IndexOutOfBoundsException e) {
        return Values.bool(false, at);
      }
    }
    if (name.equals("file") && c.args().size() == 1) {
      Value path = ev.eval(c.args().get(0), scope);
      if (path instanceof Value.Unknown u) {
        return new Value.Unknown(u.reason(), at);
      }
      Optional<String> text = path.asString().flatMap(p -> scope.names().readFile(p));
      if (text.isPresent()) {
        return Values.str(text.get(), at);
      }
      return new Value.Unknown("file() of \"" + path.asString().orElse("?") + "\" is not read: it is not a text file "
          + "inside the scan root", at);
    }
    if (AFTER_APPLY.contains(name)) {
      return new Value.Unknown(name + "() is not evaluated by the scan (known only at plan/apply time)", at);
    }
    List<Value> args = new ArrayList<>();
    for (Expr arg : c.args()) {
      args.add(ev.eval(arg, scope));
    }
    if (c.expandLast() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (last instanceof Value.Unknown) {
        return Values.at(last, at);
      }
      args.addAll(last.items());
    }
    if (name.equals("slice") && args.size() == 3 && args.get(0) instanceof Value.Unknown u) {
      Optional<Value> sliced = sliceOfUnknown(u, args.get(1), args.get(2), at);
      if (sliced.isPresent()) {
        return sliced.get();
      }
    }
    if (!name.equals("coalesce") && !name.equals("lookup") && !name.equals("length")) {
      for (Value a : args) {
        if (a instanceof Value.Unknown u) {
          return new Value.Unknown(u.reason(), at);
        }
      }
    }
    if (STRING_RESULTS.contains(name)) {
      // A string built from a collection is unknown as soon as any part of it is.
      for (Value a : args) {
        Value.Unknown nested = firstUnknown(a);
        if (nested != null) {
          return new Value.Unknown(nested.reason(), at);
        }
      }
    }
    switch (name) {
      case "lookup":
        return lookup(args, at);
      case "coalesce":
        for (Value a : args) {
          if (a instanceof Value.Unknown u) {
            return new Value.Unknown(u.reason(), at);
          }
          if (a instanceof Value.Scalar s && s.value() != null && !"".equals(s.value())) {
            return a;
          }
          if (!(a instanceof Value.Scalar)) {
            return a;
          }
        }
        throw new EvalError("coalesce() found no non-null, non-empty argument");
      case "contains":
        arity(name, args, 2);
        for (Value item : args.get(0).items()) {
          if (item instanceof Value.Unknown u) {
            return new Value.Unknown(u.reason(), at);
          }
          if (Values.same(item, args.get(1))) {
            return Values.bool(true, at);
          }
        }
        return Values.bool(false, at);
      case "length": {
        arity(name, args, 1);
        Value v = args.get(0);
        if (v instanceof Value.Unknown u) {
          return new Value.Unknown(u.reason(), at);
        }
        int n = v instanceof Value.ListValue l ? l.items().size()
            : v instanceof Value.MapValue m ? m.entries().size()
            : Values.toStr(v).codePointCount(0, Values.toStr(v).length());
        return Values.num(BigDecimal.valueOf(n), at);
      }
      case "element": {
        arity(name, args, 2);
        List<Value> items = list(args.get(0), name);
        if (items.isEmpty()) {
          throw new EvalError("element() on an empty list");
        }
        int i = Values.toNumber(args.get(1)).intValue();
        return items.get(Math.floorMod(i, items.size()));
      }
      case "merge": {
        Map<String, Value> merged = new LinkedHashMap<>();
        for (Value a : args) {
          if (a instanceof Value.Scalar s && s.value() == null) {
            continue;
          }
          if (!(a instanceof Value.MapValue m)) {
            throw new EvalError("merge() needs maps, not " + Values.typeName(a));
          }
          merged.putAll(m.entries());
        }
        return new Value.MapValue(merged, at);
      }
      case "tobool":
        arity(name, args, 1);
        return isNull(args.get(0)) ? args.get(0) : Values.bool(Values.toBool(args.get(0)), at);
      case "tonumber":
        arity(name, args, 1);
        return isNull(args.get(0)) ? args.get(0) : Values.num(Values.toNumber(args.get(0)), at);
      case "tostring":
        arity(name, args, 1);
        return isNull(args.get(0)) ? args.get(0) : Values.str(Values.toStr(args.get(0)), at);
      case "min":
      case "max": {
        if (args.isEmpty()) {
          throw new EvalError(name + "() needs at least one number");
        }
        BigDecimal best = null;
        for (Value a : args) {
          BigDecimal n = Values.toNumber(a);
          if (best == null || (name.equals("min") ? n.compareTo(best) < 0 : n.compareTo(best) > 0)) {
            best = n;
          }
        }
        return Values.num(best, at);
      }
      case "keys":
      case "values": {
        arity(name, args, 1);
        if (!(args.get(0) instanceof Value.MapValue m)) {
          throw new EvalError(name + "() needs a map");
        }
        TreeMap<String, Value> sorted = new TreeMap<>(m.entries());
        List<Value> out = new ArrayList<>();
        sorted.forEach((k, v) -> out.add(name.equals("keys") ? Values.str(k, at) : v));
        return new Value.ListValue(out, at);
      }
      case "concat": {
        List<Value> out = new ArrayList<>();
        for (Value a : args) {
          List<Value> items = list(a, name);
          if (out.size() + items.size() > MAX_LIST_ITEMS) {
            return new Value.Unknown("concat() result over " + MAX_LIST_ITEMS + " items is not evaluated", at);
          }
          out.addAll(items);
        }
        return new Value.ListValue(out, at);
      }
      case "toset": {
        arity(name, args, 1);
        // Scalars are deduplicated through a hash key (linear); only collections are compared pairwise.
        List<Value> out = new ArrayList<>();
        List<Value> collections = new ArrayList<>();
        Set<String> scalars = new HashSet<>();
        for (Value item : list(args.get(0), name)) {
          if (item instanceof Value.Scalar sc) {
            Object v = sc.value();
            String key = v instanceof BigDecimal d ? "n:" + d.stripTrailingZeros().toPlainString()
                : v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
            if (scalars.add(key)) {
              out.add(item);
            }
          } else if (collections.stream().noneMatch(o -> Values.same(o, item))) {
            collections.add(item);
            out.add(item);
          }
        }
        return new Value.ListValue(out, at);
      }
      case "tolist":
        arity(name, args, 1);
        return new Value.ListValue(list(args.get(0), name), at);
      case "tomap":
        arity(name, args, 1);
        if (!(args.get(0) instanceof Value.MapValue)) {
          throw new EvalError("tomap() needs an object or map");
        }
        return args.get(0);
      case "format":
        if (args.isEmpty()) {
          throw new EvalError("format() needs a format string");
        }
        return format(Values.toStr(args.get(0)), args.subList(1, args.size()), at);
      case "join": {
        arity(name, args, 2);
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
          for (Value item : list(args.get(i), name)) {
            parts.add(Values.toStr(item));
          }
        }
        long length = parts.stream().mapToLong(String::length).sum()
            + (long) Values.toStr(args.get(0)).length() * parts.size();
        if (length > MAX_STRING_CHARS) {
          return new Value.Unknown("join() result over " + MAX_STRING_CHARS + " characters is not evaluated", at);
        }
        return Values.str(String.join(Values.toStr(args.get(0)), parts), at);
      }
      case "lower":
        arity(name, args, 1);
        return Values.str(Values.toStr(args.get(0)).toLowerCase(Locale.ROOT), at);
      case "upper":
        arity(name, args, 1);
        return Values.str(Values.toStr(args.get(0)).toUpperCase(Locale.ROOT), at);
      case "anytrue":
      case "alltrue": {
        arity(name, args, 1);
        boolean any = name.equals("anytrue");
        Value.Unknown unknown = null;
        for (Value item : list(args.get(0), name)) {
          if (item instanceof Value.Unknown u) {
            unknown = u;
          } else if (Values.toBool(item) == any) {
            return Values.bool(any, at);
          }
        }
        return unknown != null ? new Value.Unknown(unknown.reason(), at) : Values.bool(!any, at);
      }
      case "basename": {
        arity(name, args, 1);
        String path = Values.toStr(args.get(0));
        return Values.str(path.substring(path.lastIndexOf('/') + 1), at);
      }
      case "nonsensitive":
      case "sensitive":
        arity(name, args, 1);
        return args.get(0);
      case "flatten": {
        arity(name, args, 1);
        List<Value> out = new ArrayList<>();
        flattenInto(args.get(0), out, 0);
        return new Value.ListValue(out, at);
      }
      case "compact": {
        arity(name, args, 1);
        List<Value> out = new ArrayList<>();
        for (Value item : list(args.get(0), name)) {
          if (item instanceof Value.Unknown u) {
            return new Value.Unknown(u.reason(), at);
          }
          if (!isNull(item) && !Values.toStr(item).isEmpty()) {
            out.add(item);
          }
        }
        return new Value.ListValue(out, at);
      }
      case "distinct":
        arity(name, args, 1);
        return new Value.ListValue(distinctItems(list(args.get(0), name)), at);
      case "zipmap": {
        arity(name, args, 2);
        List<Value> keys = list(args.get(0), name);
        List<Value> vals = list(args.get(1), name);
        if (keys.size() != vals.size()) {
          throw new EvalError("zipmap() needs lists of the same length");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
          out.put(Values.toStr(keys.get(i)), vals.get(i));
        }
        return new Value.MapValue(out, at);
      }
      case "coalescelist":
        for (Value a : args) {
          if (!list(a, name).isEmpty()) {
            return a;
          }
        }
        throw new EvalError("coalescelist() found no non-empty list");
      case "one": {
        arity(name, args, 1);
        List<Value> items = list(args.get(0), name);
        if (items.size() > 1) {
          throw new EvalError("one() needs at most one item");
        }
        return items.isEmpty() ? new Value.Scalar(null, at) : items.get(0);
      }
      case "startswith":
      case "endswith":
      case "strcontains": {
        arity(name, args, 2);
        String text = Values.toStr(args.get(0));
        String part = Values.toStr(args.get(1));
        boolean r = name.equals("startswith") ? text.startsWith(part)
            : name.equals("endswith") ? text.endsWith(part) : text.contains(part);
        return Values.bool(r, at);
      }
      case "replace": {
        arity(name, args, 3);
        String search = Values.toStr(args.get(1));
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
          return new Value.Unknown("replace() with a regular expression is not evaluated", at);
        }
        return Values.str(Values.toStr(args.get(0)).replace(search, Values.toStr(args.get(2))), at);
      }
      case "split": {
        arity(name, args, 2);
        List<Value> out = new ArrayList<>();
        String sep = Values.toStr(args.get(0));
        String text = Values.toStr(args.get(1));
        if (sep.isEmpty()) {
          return new Value.Unknown("split() with an empty separator is not evaluated", at);
        }
        int from = 0;
        while (true) {
          int i = text.indexOf(sep, from);
          out.add(Values.str(text.substring(from, i < 0 ? text.length() : i), at));
          if (i < 0) {
            break;
          }
          from = i + sep.length();
        }
        return new Value.ListValue(out, at);
      }
      case "trimspace":
        arity(name, args, 1);
        return Values.str(Values.toStr(args.get(0)).strip(), at);
      case "abs":
        arity(name, args, 1);
        return Values.num(Values.toNumber(args.get(0)).abs(), at);
      case "ceil":
      case "floor":
        arity(name, args, 1);
        return Values.num(Values.toNumber(args.get(0)).setScale(0,
            name.equals("ceil") ? java.math.RoundingMode.CEILING : java.math.RoundingMode.FLOOR), at);
      case "range": {
        if (args.isEmpty() || args.size() > 3) {
          throw new EvalError("range() needs 1 to 3 numbers");
        }
        BigDecimal start = args.size() == 1 ? BigDecimal.ZERO : Values.toNumber(args.get(0));
        BigDecimal limit = Values.toNumber(args.get(args.size() == 1 ? 0 : 1));
        BigDecimal step = args.size() == 3 ? Values.toNumber(args.get(2))
            : (limit.compareTo(start) >= 0 ? BigDecimal.ONE : BigDecimal.ONE.negate());
        if (step.signum() == 0) {
          throw new EvalError("range() step must not be 0");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal v = start; step.signum() > 0 ? v.compareTo(limit) < 0 : v.compareTo(limit) > 0;
            v = v.add(step)) {
          if (out.size() >= 1024) {
            throw new EvalError("range() is longer than 1024 items");
          }
          out.add(Values.num(v, at));
        }
        return new Value.ListValue(out, at);
      }
      case "slice": {
        arity(name, args, 3);
        List<Value> items = list(args.get(0), name);
        int from = Values.toNumber(args.get(1)).intValue();
        int to = Values.toNumber(args.get(2)).intValue();
        if (from < 0 || to > items.size() || from > to) {
          throw new EvalError("slice() indices out of range");
        }
        return new Value.ListValue(items.subList(from, to), at);
      }
      case "jsonencode":
      case "yamlencode": {
        // jsonencode as Terraform writes it (sorted keys, no spaces, HTML characters escaped); yamlencode's layout
        // is not part of Terraform's compatibility promise, so the same data in YAML's JSON-compatible flow style
        arity(name, args, 1);
        StringBuilder out = new StringBuilder();
        encodeJson(args.get(0), out);
        if (out.length() > MAX_STRING_CHARS) {
          return new Value.Unknown(name + "() result over " + MAX_STRING_CHARS + " characters is not evaluated", at);
        }
        return Values.str(out.toString(), at);
      }
      case "sort": {
        arity(name, args, 1);
        List<String> sorted = new ArrayList<>();
        for (Value item : list(args.get(0), name)) {
          sorted.add(Values.toStr(item));
        }
        sorted.sort(null);
        List<Value> out = new ArrayList<>();
        sorted.forEach(str -> out.add(Values.str(str, at)));
        return new Value.ListValue(out, at);
      }
      default:
        return new Value.Unknown("function " + name + "() is not evaluated", at);
    }
  }

  private static boolean isNull(Value v) {
    return v instanceof Value.Scalar s && s.value() == null;
  }

  private static void arity(String name, List<Value> args, int n) throws EvalError {
    if (args.size() < n) {
      throw new EvalError(name + "() needs " + n + " argument" + (n > 1 ? "s" : ""));
    }
  }

  private static List<Value> list(Value v, String fn) throws EvalError {
    if (v instanceof Value.ListValue l) {
      return l.items();
    }
    throw new EvalError(fn + "() needs a list, not " + Values.typeName(v));
  }

  private static Value lookup(List<Value> args, SourceRange at) throws EvalError {
    arity("lookup", args, 2);
    Value map = args.get(0);
    Value key = args.get(1);
    for (Value v : new Value[] {map, key}) {
      if (v instanceof Value.Unknown u) {
        return new Value.Unknown(u.reason(), at);
      }
    }
    if (!(map instanceof Value.MapValue m)) {
      throw new EvalError("lookup() needs a map, not " + Values.typeName(map));
    }
    Value found = m.entries().get(Values.toStr(key));
    if (found != null) {
      return found;
    }
    if (args.size() > 2) {
      return args.get(2);
    }
    throw new EvalError("lookup() found no key \"" + Values.toStr(key) + "\" and has no default");
  }

  /** Terraform's format(): %s %d %v %q %t %f %%, with optional width/precision for numbers. */
  private static Value format(String spec, List<Value> args, SourceRange at) throws EvalError {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int j = i + 1;
      while (j < spec.length() && "0123456789.-+ #".indexOf(spec.charAt(j)) >= 0) {
        j++;
      }
      if (j >= spec.length()) {
        throw new EvalError("format string ends in the middle of a verb");
      }
      char verb = spec.charAt(j);
      String flags = spec.substring(i + 1, j);
      i = j;
      for (String number : flags.split("[^0-9]+")) {
        if (number.length() > 4) { // "%999999999s" would build a gigabyte string: the scan dies of OutOfMemoryError
          return new Value.Unknown("format width or precision over 9999 is not evaluated", at);
        }
      }
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (next >= args.size()) {
        throw new EvalError("format() has too few arguments");
      }
      Value arg = args.get(next++);
      switch (verb) {
        case 's', 'v', 't' -> out.append(String.format("%" + flags + "s", Values.toStr(arg)));
        case 'q' -> out.append('"').append(Values.toStr(arg).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        case 'd' -> out.append(String.format("%" + flags + "d", Values.toNumber(arg).toBigInteger()));
        case 'f' -> out.append(String.format("%" + flags + "f", Values.toNumber(arg)));
        default -> {
          return new Value.Unknown("format verb %" + verb + " is not evaluated", at);
        }
      }
      if (out.length() > MAX_STRING_CHARS) {
        return new Value.Unknown("format() result over " + MAX_STRING_CHARS + " characters is not evaluated", at);
      }
    }
    return Values.str(out.toString(), at);
  }

  /** Distinct items in first-seen order. */
  static List<Value> distinctItems(List<Value> items) {
    List<Value> out = new ArrayList<>();
    for (Value v : items) {
      if (out.stream().noneMatch(o -> Values.same(o, v))) {
        out.add(v);
      }
    }
    return out;
  }

  private static void flattenInto(Value v, List<Value> out, int depth) throws EvalError {
    if (depth > ExprParser.MAX_DEPTH) {
      throw new EvalError("flatten() nesting too deep");
    }
    for (Value item : list(v, "flatten")) {
      if (item instanceof Value.ListValue) {
        flattenInto(item, out, depth + 1);
      } else {
        out.add(item);
      }
    }
  }
}
