package io.spofscan.parsers.terraform;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.terraform.Values.EvalError;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@link Expr} trees the way Terraform would at plan time, three-valued: whatever depends on something the
 * scan cannot know (a variable without value, a resource attribute, a data source, an unsupported function) becomes
 * {@link Value.Unknown} naming it. Never reads files, never touches the network.
 */
final class Evaluator {
  /** For-expression iterations one top-level attribute may take (nested loops multiply: 400³ is 64 million). */
  static final long MAX_FOR_ITERATIONS = 1_000_000;

  private int attributeDepth;
  private long forIterations;

  /** The attribute's value, located at the attribute's name; never throws. */
  Value attribute(Hcl.Attribute a, Scope scope) {
    if (a.expr() == null) {
      return new Value.Unknown("the value of " + a.name() + " could not be read: " + abbreviate(a.text()), a.range());
    }
    if (attributeDepth == 0) {
      forIterations = 0; // the budget is per top-level attribute, including the locals it pulls in
    }
    attributeDepth++;
    try {
      return Values.at(eval(a.expr(), scope), a.range());
    } catch (EvalError e) {
      return new Value.Unknown("evaluating " + a.name() + " failed: " + e.getMessage(), a.range());
    } catch (RuntimeException | StackOverflowError e) {
      return new Value.Unknown("evaluating " + a.name() + " failed: " + io.spofscan.core.scan.Failures.describe(e),
          a.range());
    } finally {
      attributeDepth--;
    }
  }

  static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
  }

  Value eval(Expr e, Scope scope) throws EvalError {
    if (e instanceof Expr.Literal l) {
      return Value.of(l.value(), l.range());
    }
    if (e instanceof Expr.Template t) {
      return template(t, scope);
    }
    if (e instanceof Expr.Traversal t) {
      return Values.everywhereAt(traversal(t, scope), t.range());
    }
    if (e instanceof Expr.Postfix p) {
      return applySteps(eval(p.base(), scope), p.steps(), 0, scope, "the expression");
    }
    if (e instanceof Expr.Call c) {
      return Values.everywhereAt(Functions.call(c, scope, this), c.range());
    }
    if (e instanceof Expr.Unary u) {
      return unary(u, scope);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b, scope);
    }
    if (e instanceof Expr.Conditional c) {
      return conditional(c, scope);
    }
    if (e instanceof Expr.Tuple t) {
      List<Value> items = new ArrayList<>();
      for (Expr item : t.items()) {
        items.add(eval(item, scope));
      }
      return new Value.ListValue(items, t.range());
    }
    if (e instanceof Expr.ObjectCons o) {
      Map<String, Value> entries = new LinkedHashMap<>();
      for (Expr.Item item : o.items()) {
        Value key = eval(item.key(), scope);
        if (key instanceof Value.Unknown u) {
          return new Value.Unknown("an object key is unknown: " + u.reason(), o.range());
        }
        entries.put(Values.toStr(key), Values.at(eval(item.value(), scope), item.keyRange()));
      }
      return new Value.MapValue(entries, o.range());
    }
    if (e instanceof Expr.For f) {
      return forExpr(f, scope);
    }
    throw new EvalError("unsupported expression");
  }

  private Value template(Expr.Template t, Scope scope) throws EvalError {
    if (t.hasDirective()) {
      return new Value.Unknown("template directives (%{ }) are not evaluated", t.range());
    }
    StringBuilder out = new StringBuilder();
    for (Object part : t.parts()) {
      if (part instanceof String s) {
        out.append(s);
      } else {
        Value v = eval((Expr) part, scope);
        if (v instanceof Value.Unknown u) {
          return new Value.Unknown(u.reason(), t.range());
        }
        String text = Values.toStr(v);
        if (out.length() + text.length() > Functions.MAX_STRING_CHARS) {
          return new Value.Unknown("string over " + Functions.MAX_STRING_CHARS + " characters is not evaluated",
              t.range());
        }
        out.append(text);
      }
    }
    return Values.str(out.toString(), t.range());
  }

  private Value traversal(Expr.Traversal t, Scope scope) throws EvalError {
    String root = t.root();
    List<Expr.Step> steps = t.steps();
    Value bound = scope.bindings().get(root);
    if (bound != null) {
      return applySteps(bound, steps, 0, scope, root);
    }
    String first = steps.isEmpty() || !(steps.get(0) instanceof Expr.GetAttr g) ? null : g.name();
    String second = steps.size() < 2 || !(steps.get(1) instanceof Expr.GetAttr g2) ? null : g2.name();
    switch (root) {
      case "var": {
        if (first == null) {
          throw new EvalError("var must be followed by a variable name");
        }
        Value v = scope.names().variable(first);
        if (v == null) {
          throw new EvalError("var." + first + " is not declared");
        }
        return applySteps(v, steps, 1, scope, "var." + first);
      }
      case "local": {
        if (first == null) {
          throw new EvalError("local must be followed by a name");
        }
        Value v = scope.names().local(first, this);
        if (v == null) {
          throw new EvalError("local." + first + " is not declared");
        }
        return applySteps(v, steps, 1, scope, "local." + first);
      }
      case "count":
        return new Value.Unknown("count." + first + " is used outside a resource with count", t.range());
      case "each":
        return new Value.Unknown("each." + first + " is used outside a resource with for_each", t.range());
      case "path":
        return Values.str(scope.names().modulePath(), t.range());
      case "terraform":
        return new Value.Unknown("terraform." + first + " is chosen when Terraform runs", t.range());
      case "self":
        return new Value.Unknown("self." + first + " is known only after apply", t.range());
      case "data":
        return new Value.Unknown("data." + first + "." + second + " is known only after apply", t.range());
      case "module": {
        Value output = first == null || second == null ? null : scope.names().moduleOutput(first, second, this);
        if (output != null) {
          return applySteps(output, steps, 2, scope, "module." + first + "." + second);
        }
        String why = first == null ? null : scope.names().whyModuleOutputUnknown(first, second);
        return new Value.Unknown(why != null ? why : "module." + first + (second == null ? "" : "." + second)
            + " is known only after apply", t.range());
      }
      default:
        if (first != null) {
          return new Value.Unknown(root + "." + first + (second == null ? "" : "." + second)
              + " is known only after apply", t.range());
        }
        return new Value.Unknown("'" + root + "' is not a value the scan knows", t.range());
    }
  }

  Value applySteps(Value start, List<Expr.Step> steps, int from, Scope scope, String what) throws EvalError {
    Value v = start;
    for (int i = from; i < steps.size(); i++) {
      if (v instanceof Value.Unknown) {
        return v;
      }
      Expr.Step step = steps.get(i);
      if (step instanceof Expr.Splat) {
        List<Value> items = new ArrayList<>();
        if (v instanceof Value.ListValue l) {
          for (Value item : l.items()) {
            items.add(applySteps(item, steps, i + 1, scope, what));
          }
        } else if (!(v instanceof Value.Scalar s && s.value() == null)) {
          items.add(applySteps(v, steps, i + 1, scope, what));
        }
        return new Value.ListValue(items, Values.rangeOf(v, null));
      }
      if (step instanceof Expr.GetAttr g) {
        if (!(v instanceof Value.MapValue m)) {
          throw new EvalError(what + " has no attribute " + g.name() + " (it is a " + Values.typeName(v) + ")");
        }
        Value next = m.entries().get(g.name());
        if (next == null) {
          throw new EvalError(what + " has no attribute " + g.name());
        }
        what = what + "." + g.name();
        v = next;
      } else if (step instanceof Expr.Index idx) {
        Value key = eval(idx.key(), scope);
        if (key instanceof Value.Unknown u) {
          return new Value.Unknown("the index into " + what + " is unknown: " + u.reason(), key.location().orElse(null));
        }
        v = index(v, key, what);
        what = what + "[" + key.describe() + "]";
      }
    }
    return v;
  }

  static Value index(Value v, Value key, String what) throws EvalError {
    if (v instanceof Value.ListValue l) {
      BigDecimal n = Values.toNumber(key);
      int i;
      try {
        i = n.intValueExact();
      } catch (ArithmeticException e) {
        throw new EvalError("index " + n + " into " + what + " is not a whole number");
      }
      if (i < 0 || i >= l.items().size()) {
        throw new EvalError("index " + i + " is out of range for " + what + " (" + l.items().size() + " items)");
      }
      return l.items().get(i);
    }
    if (v instanceof Value.MapValue m) {
      String k = Values.toStr(key);
      Value found = m.entries().get(k);
      if (found == null) {
        throw new EvalError(what + " has no key \"" + k + "\"");
      }
      return found;
    }
    throw new EvalError(what + " cannot be indexed (it is a " + Values.typeName(v) + ")");
  }

  private Value unary(Expr.Unary u, Scope scope) throws EvalError {
    Value v = eval(u.operand(), scope);
    if (v instanceof Value.Unknown unknown) {
      return new Value.Unknown(unknown.reason(), u.range());
    }
    if (u.op().equals("!")) {
      return Values.bool(!Values.toBool(v), u.range());
    }
    return Values.num(Values.toNumber(v).negate(), u.range());
  }

  private Value binary(Expr.Binary b, Scope scope) throws EvalError {
    Value left = eval(b.left(), scope);
    String op = b.op();
    if (op.equals("&&") || op.equals("||")) {
      boolean and = op.equals("&&");
      // Kleene logic: false && x is false and true || x is true even when x is unknown.
      if (!(left instanceof Value.Unknown) && Values.toBool(left) != and) {
        return Values.bool(!and, b.range());
      }
      Value right = eval(b.right(), scope);
      if (!(right instanceof Value.Unknown) && Values.toBool(right) != and) {
        return Values.bool(!and, b.range());
      }
      Value unknown = left instanceof Value.Unknown ? left : right;
      if (unknown instanceof Value.Unknown u) {
        return new Value.Unknown(u.reason(), b.range());
      }
      return Values.bool(and, b.range());
    }
    Value right = eval(b.right(), scope);
    for (Value v : new Value[] {left, right}) {
      if (v instanceof Value.Unknown u) {
        return new Value.Unknown(u.reason(), b.range());
      }
    }
    if (op.equals("==") || op.equals("!=")) {
      // A collection holding an unknown part compares as unknown, not as different.
      Value.Unknown nested = Functions.firstUnknown(left);
      nested = nested != null ? nested : Functions.firstUnknown(right);
      if (nested != null) {
        return new Value.Unknown(nested.reason(), b.range());
      }
    }
    switch (op) {
      case "==":
        return Values.bool(Values.same(left, right), b.range());
      case "!=":
        return Values.bool(!Values.same(left, right), b.range());
      default:
        break;
    }
    BigDecimal x = Values.toNumber(left);
    BigDecimal y = Values.toNumber(right);
    if (hugeNumber(x) || hugeNumber(y)) { // exact arithmetic on 1e9999999 would build ten million digits
      return new Value.Unknown("numbers beyond " + MAX_NUMBER_DIGITS + " digits are not evaluated", b.range());
    }
    switch (op) {
      case "<":
        return Values.bool(x.compareTo(y) < 0, b.range());
      case ">":
        return Values.bool(x.compareTo(y) > 0, b.range());
      case "<=":
        return Values.bool(x.compareTo(y) <= 0, b.range());
      case ">=":
        return Values.bool(x.compareTo(y) >= 0, b.range());
      case "+":
        return Values.num(x.add(y), b.range());
      case "-":
        return Values.num(x.subtract(y), b.range());
      case "*":
        return Values.num(x.multiply(y), b.range());
      case "/":
        if (y.signum() == 0) {
          throw new EvalError("division by zero");
        }
        return Values.num(x.divide(y, MathContext.DECIMAL64), b.range());
      case "%":
        if (y.signum() == 0) {
          throw new EvalError("modulo by zero");
        }
        return Values.num(x.remainder(y), b.range());
      default:
        throw new EvalError("unsupported operator " + op);
    }
  }

  private Value conditional(Expr.Conditional c, Scope scope) throws EvalError {
    Value condition = eval(c.condition(), scope);
    if (condition instanceof Value.Unknown u) {
      Value yes;
      Value no;
      try {
        yes = eval(c.whenTrue(), scope);
        no = eval(c.whenFalse(), scope);
      } catch (EvalError e) {
        return new Value.Unknown(u.reason(), c.range());
      }
      if (!(yes instanceof Value.Unknown) && Values.same(yes, no)) {
        return yes;
      }
      return new Value.Unknown(u.reason(), c.range());
    }
    return Values.toBool(condition) ? eval(c.whenTrue(), scope) : eval(c.whenFalse(), scope);
  }

  private Value forExpr(Expr.For f, Scope scope) throws EvalError {
    Value collection = eval(f.collection(), scope);
    if (collection instanceof Value.Unknown u) {
      return new Value.Unknown(u.reason(), f.range());
    }
    List<Value[]> pairs = new ArrayList<>();
    if (collection instanceof Value.ListValue l) {
      for (int i = 0; i < l.items().size(); i++) {
        pairs.add(new Value[] {Values.num(BigDecimal.valueOf(i), f.range()), l.items().get(i)});
      }
    } else if (collection instanceof Value.MapValue m) {
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        pairs.add(new Value[] {Values.str(e.getKey(), f.range()), e.getValue()});
      }
    } else {
      throw new EvalError("a for expression needs a list, set or map, not " + Values.typeName(collection));
    }
    List<Value> items = new ArrayList<>();
    Map<String, Value> entries = new LinkedHashMap<>();
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    for (Value[] pair : pairs) {
      if (++forIterations > MAX_FOR_ITERATIONS) {
        throw new EvalError("for expressions over " + MAX_FOR_ITERATIONS + " iterations are not evaluated");
      }
      Scope inner = scope.with(f.valueVar(), pair[1]);
      if (f.keyVar() != null) {
        inner = inner.with(f.keyVar(), pair[0]);
      }
      if (f.condition() != null) {
        Value keep = eval(f.condition(), inner);
        if (keep instanceof Value.Unknown u) {
          return new Value.Unknown(u.reason(), f.range());
        }
        if (!Values.toBool(keep)) {
          continue;
        }
      }
      Value value = eval(f.value(), inner);
      if (!f.object()) {
        items.add(value);
        continue;
      }
      Value key = eval(f.key(), inner);
      if (key instanceof Value.Unknown u) {
        return new Value.Unknown(u.reason(), f.range());
      }
      String k = Values.toStr(key);
      if (f.grouping()) {
        groups.computeIfAbsent(k, x -> new ArrayList<>()).add(value);
      } else {
        if (entries.containsKey(k)) {
          throw new EvalError("duplicate key \"" + k + "\" in a for expression");
        }
        entries.put(k, value);
      }
    }
    if (!f.object()) {
      return new Value.ListValue(items, f.range());
    }
    if (f.grouping()) {
      groups.forEach((k, v) -> entries.put(k, new Value.ListValue(v, f.range())));
    }
    return new Value.MapValue(entries, f.range());
  }

  static final int MAX_NUMBER_DIGITS = 1000;

  private static boolean hugeNumber(BigDecimal n) {
    return Math.abs((long) n.precision() - n.scale()) > MAX_NUMBER_DIGITS || Math.abs(n.scale()) > MAX_NUMBER_DIGITS;
  }
}
