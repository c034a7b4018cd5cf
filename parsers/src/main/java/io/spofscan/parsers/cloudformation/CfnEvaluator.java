package io.spofscan.parsers.cloudformation;

import io.spofscan.core.model.DeployZone;
import io.spofscan.core.model.Reference;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.yaml.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates CloudFormation intrinsic functions over located values, as CloudFormation would at deploy time with the
 * given parameter values. What cannot be known before deployment (a resource's physical id or attribute, an
 * import, a pseudo parameter nobody gave) is {@link Value.Unknown} with a reason naming it, and references to
 * other resources are recorded for the dependency graph. Results keep the location of the attribute holding them.
 */
final class CfnEvaluator {
  /** Marks a value removed by {@code !Ref AWS::NoValue}; compared by identity, never leaves the evaluator. */
  static final Value NO_VALUE = new Value.Scalar("AWS::NoValue", null);

  private static final int MAX_CONDITION_COMBINATIONS = 1024;
  private static final int MAX_EVAL_DEPTH = 200;

  /** The truth of a condition and, when unknown, why. */
  record Cond(Truth truth, String reason) {
    static Cond of(boolean b) {
      return new Cond(Truth.of(b), "");
    }
  }

  private final CfnTemplate template;
  private final Map<String, Value> parameters;
  private final Map<String, String> pseudoParameters;
  private final Map<String, Cond> conditionCache = new HashMap<>();
  private final Set<String> conditionsInProgress = new LinkedHashSet<>();
  private List<Reference> references = new ArrayList<>();
  private int depth;

  CfnEvaluator(CfnTemplate template, Map<String, Value> parameters, Map<String, String> pseudoParameters) {
    this.template = template;
    this.parameters = parameters;
    this.pseudoParameters = pseudoParameters;
  }

  /** References recorded since the last call, and start a new list. */
  List<Reference> takeReferences() {
    List<Reference> taken = references;
    references = new ArrayList<>();
    return taken;
  }

  // ---------------------------------------------------------------- values

  /** The value with every intrinsic evaluated; {@link #NO_VALUE} when it is removed by AWS::NoValue. */
  Value eval(Value v) {
    if (++depth > MAX_EVAL_DEPTH) {
      depth--;
      return Value.unknown("intrinsic functions nested too deeply to evaluate", v.location().orElse(null));
    }
    try {
      return evalInner(v);
    } finally {
      depth--;
    }
  }

  private Value evalInner(Value v) {
    SourceRange at = v.location().orElse(null);
    if (v instanceof Value.MapValue m) {
      if (m.entries().size() == 1) {
        Map.Entry<String, Value> only = m.entries().entrySet().iterator().next();
        String key = only.getKey();
        if (key.equals("Ref")) {
          return ref(only.getValue(), at);
        }
        if (key.startsWith("Fn::") && !key.startsWith("Fn::ForEach")) {
          Optional<Value> result = function(key.substring(4), only.getValue(), at);
          if (result.isPresent()) {
            return result.get() == NO_VALUE ? NO_VALUE : Values.relocate(result.get(), at);
          }
        }
      }
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        Value ev = eval(e.getValue());
        if (ev != NO_VALUE) {
          out.put(e.getKey(), ev);
        }
      }
      return new Value.MapValue(out, at);
    }
    if (v instanceof Value.ListValue l) {
      List<Value> out = new ArrayList<>();
      for (Value item : l.items()) {
        Value ev = eval(item);
        if (ev != NO_VALUE) {
          out.add(ev);
        }
      }
      return new Value.ListValue(out, at);
    }
    return v;
  }

  private Value ref(Value operand, SourceRange at) {
    Value nameValue = eval(operand);
    Optional<String> name = nameValue.asString();
    if (name.isEmpty()) {
      return unknown(nameValue, "Ref needs a name", at);
    }
    String n = name.get();
    if (parameters.containsKey(n)) {
      return Values.relocate(parameters.get(n), at);
    }
    if (n.equals("AWS::NoValue")) {
      return NO_VALUE;
    }
    if (n.startsWith("AWS::")) {
      String given = pseudoParameters.get(n);
      if (given != null) {
        return n.equals("AWS::NotificationARNs") ? Values.relocate(split(",", given, at), at) : Value.of(given, at);
      }
      return Value.unknown("pseudo parameter " + n + " has no value", at);
    }
    if (template.resourceIds().contains(n)) {
      references.add(new Reference("ref", n, "", at));
      return Value.unknown(n + " is only known after deploy", at);
    }
    return Value.unknown("Ref to " + n + ", which is neither a parameter nor a resource", at);
  }

  private Optional<Value> function(String name, Value arg, SourceRange at) {
    return Optional.ofNullable(switch (name) {
      case "If" -> fnIf(arg, at);
      case "GetAtt" -> getAtt(arg, at);
      case "Sub" -> sub(arg, at);
      case "Join" -> join(arg, at);
      case "Select" -> select(arg, at);
      case "Split" -> splitFn(arg, at);
      case "GetAZs" -> getAzs(arg, at);
      case "Base64" -> base64(arg, at);
      case "Cidr" -> cidr(arg, at);
      case "Length" -> length(arg, at);
      case "ToJsonString" -> toJsonString(arg, at);
      case "FindInMap" -> findInMap(arg, at);
      case "ImportValue" -> importValue(arg, at);
      case "Transform" -> Value.unknown("Fn::Transform: the macro runs at deploy", at);
      case "Equals", "And", "Or", "Not" -> {
        Cond c = conditionExpression(new Value.MapValue(Map.of("Fn::" + name, arg), at));
        yield c.truth() == Truth.UNKNOWN ? Value.unknown(c.reason(), at) : Value.of(c.truth() == Truth.TRUE, at);
      }
      default -> null;
    });
  }

  private Value fnIf(Value arg, SourceRange at) {
    List<Value> args = arg.items();
    if (!(arg instanceof Value.ListValue) || args.size() != 3) {
      return Value.unknown("Fn::If needs [condition, value if true, value if false]", at);
    }
    Optional<String> condName = args.get(0).asString();
    if (condName.isEmpty()) {
      return Value.unknown("Fn::If needs a condition name", at);
    }
    Cond c = condition(condName.get());
    if (c.truth() == Truth.TRUE) {
      return eval(args.get(1));
    }
    if (c.truth() == Truth.FALSE) {
      return eval(args.get(2));
    }
    Value whenTrue = eval(args.get(1));
    Value whenFalse = eval(args.get(2));
    if (whenTrue != NO_VALUE && whenFalse != NO_VALUE && whenTrue instanceof Value.Scalar a
        && whenFalse instanceof Value.Scalar b && same(a, b)) {
      return whenTrue;
    }
    return Value.unknown(c.reason(), at);
  }

  /** The region's zones: "" or an unset AWS::Region mean the stack's own region. */
  private Value getAzs(Value arg, SourceRange at) {
    Value region = eval(arg);
    if (region.isNull() || region.isAbsent() || region.asString().map(String::isEmpty).orElse(false)
        || region.unknownReason().map(r -> r.startsWith("pseudo parameter AWS::Region ")).orElse(false)) {
      return DeployZone.all("", at);
    }
    Optional<String> name = region.asString().filter(n -> n.matches("[a-z0-9-]{1,40}"));
    return name.isPresent() ? DeployZone.all(name.get(), at)
        : unknown(region, "Fn::GetAZs needs a region name", at);
  }

  private Value getAtt(Value arg, SourceRange at) {
    Value ev = eval(arg);
    String resource;
    String attribute;
    if (ev instanceof Value.ListValue l && l.items().size() == 2) {
      resource = l.items().get(0).asString().orElse(null);
      attribute = l.items().get(1).asString().orElse(null);
      if (resource != null && attribute == null) {
        references.add(new Reference("getatt", resource, "", at));
        return unknown(l.items().get(1), resource + " attribute is only known after deploy", at);
      }
    } else if (ev.asString().isPresent() && ev.asString().get().indexOf('.') > 0) {
      String s = ev.asString().get();
      resource = s.substring(0, s.indexOf('.'));
      attribute = s.substring(s.indexOf('.') + 1);
    } else {
      return Value.unknown("Fn::GetAtt needs [resource, attribute]", at);
    }
    if (resource == null) {
      return Value.unknown("Fn::GetAtt needs a resource name", at);
    }
    references.add(new Reference("getatt", resource, attribute, at));
    return Value.unknown(resource + "." + attribute + " is only known after deploy", at);
  }

  private Value sub(Value arg, SourceRange at) {
    String text;
    Map<String, Value> vars = new HashMap<>();
    if (arg instanceof Value.ListValue l && !l.items().isEmpty()) {
      Value t = eval(l.items().get(0));
      if (t.asString().isEmpty()) {
        return unknown(t, "Fn::Sub needs a string", at);
      }
      text = t.asString().get();
      if (l.items().size() > 1) {
        for (Map.Entry<String, Value> e : l.items().get(1).entries().entrySet()) {
          vars.put(e.getKey(), eval(e.getValue()));
        }
      }
    } else {
      Value t = eval(arg);
      if (t.asString().isEmpty()) {
        return unknown(t, "Fn::Sub needs a string", at);
      }
      text = t.asString().get();
    }
    StringBuilder out = new StringBuilder();
    String firstUnknown = null;
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      if (open < 0) {
        out.append(text, i, text.length());
        break;
      }
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open);
      String variable = text.substring(open + 2, close).trim();
      i = close + 1;
      if (variable.startsWith("!")) {
        out.append("${").append(variable.substring(1)).append('}');
        continue;
      }
      Value value;
      if (vars.containsKey(variable)) {
        value = vars.get(variable);
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        int dot = variable.indexOf('.');
        references.add(new Reference("sub", variable.substring(0, dot), variable.substring(dot + 1), at));
        value = Value.unknown(variable + " is only known after deploy", at);
      } else {
        value = ref(Value.of(variable, at), at);
        if (template.resourceIds().contains(variable)) {
          Reference r = references.remove(references.size() - 1);
          references.add(new Reference("sub", r.target(), "", at));
        }
      }
      Optional<String> s = value == NO_VALUE ? Optional.empty() : scalarText(value);
      if (s.isPresent()) {
        out.append(s.get());
      } else if (firstUnknown == null) {
        firstUnknown = value.unknownReason().orElse("${" + variable + "} is not a string");
      }
    }
    return firstUnknown != null ? Value.unknown(firstUnknown, at) : Value.of(out.toString(), at);
  }

  private Value join(Value arg, SourceRange at) {
    Value ev = eval(arg);
    if (!(ev instanceof Value.ListValue l) || l.items().size() != 2) {
      return unknown(ev, "Fn::Join needs [delimiter, list]", at);
    }
    Optional<String> delimiter = l.items().get(0).asString();
    Value list = l.items().get(1);
    if (delimiter.isEmpty() || !(list instanceof Value.ListValue items)) {
      return unknown(delimiter.isEmpty() ? l.items().get(0) : list, "Fn::Join needs [delimiter, list]", at);
    }
    List<String> parts = new ArrayList<>();
    for (Value item : items.items()) {
      Optional<String> s = scalarText(item);
      if (s.isEmpty()) {
        return unknown(item, "Fn::Join over a value that is not a string", at);
      }
      parts.add(s.get());
    }
    return Value.of(String.join(delimiter.get(), parts), at);
  }

  private Value select(Value arg, SourceRange at) {
    if (!(arg instanceof Value.ListValue l) || l.items().size() != 2) {
      return Value.unknown("Fn::Select needs [index, list]", at);
    }
    Value index = eval(l.items().get(0));
    Value list = eval(l.items().get(1));
    if (index.asLong().isEmpty()) {
      return unknown(index, "Fn::Select index is not a number", at);
    }
    Optional<DeployZone> zones = DeployZone.of(list).filter(DeployZone::isAll);
    if (zones.isPresent() && index.asLong().getAsLong() >= 0 && index.asLong().getAsLong() < 1000) {
      // one zone of the region's list: unnamed until deploy, but distinct from the zones at other indexes
      return DeployZone.pick(zones.get().region(), (int) index.asLong().getAsLong(), at);
    }
    if (!(list instanceof Value.ListValue items)) {
      return unknown(list, "Fn::Select needs a list", at);
    }
    long i = index.asLong().getAsLong();
    if (i < 0 || i >= items.items().size()) {
      return Value.unknown("Fn::Select index " + i + " is outside the list of " + items.items().size(), at);
    }
    return items.items().get((int) i);
  }

  private Value splitFn(Value arg, SourceRange at) {
    Value ev = eval(arg);
    if (!(ev instanceof Value.ListValue l) || l.items().size() != 2) {
      return unknown(ev, "Fn::Split needs [delimiter, string]", at);
    }
    Optional<String> delimiter = l.items().get(0).asString();
    Optional<String> source = scalarText(l.items().get(1));
    if (delimiter.isEmpty() || source.isEmpty()) {
      return unknown(delimiter.isEmpty() ? l.items().get(0) : l.items().get(1), "Fn::Split needs strings", at);
    }
    return split(delimiter.get(), source.get(), at);
  }

  static Value split(String delimiter, String source, SourceRange at) {
    List<Value> parts = new ArrayList<>();
    if (delimiter.isEmpty()) {
      parts.add(Value.of(source, at));
    } else {
      int from = 0;
      while (true) {
        int next = source.indexOf(delimiter, from);
        if (next < 0) {
          parts.add(Value.of(source.substring(from), at));
          break;
        }
        parts.add(Value.of(source.substring(from, next), at));
        from = next + delimiter.length();
      }
    }
    return new Value.ListValue(parts, at);
  }

  private Value base64(Value arg, SourceRange at) {
    Value ev = eval(arg);
    Optional<String> s = scalarText(ev);
    return s.isPresent()
        ? Value.of(Base64.getEncoder().encodeToString(s.get().getBytes(StandardCharsets.UTF_8)), at)
        : unknown(ev, "Fn::Base64 needs a string", at);
  }

  private Value cidr(Value arg, SourceRange at) {
    Value ev = eval(arg);
    if (!(ev instanceof Value.ListValue l) || l.items().size() != 3) {
      return unknown(ev, "Fn::Cidr needs [ipBlock, count, cidrBits]", at);
    }
    for (Value item : l.items()) {
      if (!item.isKnown()) {
        return unknown(item, "Fn::Cidr", at);
      }
    }
    Optional<String> block = l.items().get(0).asString();
    long count = l.items().get(1).asLong().orElse(-1);
    long bits = l.items().get(2).asLong().orElse(-1);
    Optional<List<String>> cidrs = block.flatMap(b -> Cidrs.subnets(b, (int) count, (int) bits));
    if (cidrs.isEmpty()) {
      return Value.unknown("Fn::Cidr cannot split " + block.orElse("?") + " into " + count + " /" + bits + " blocks",
          at);
    }
    List<Value> items = new ArrayList<>();
    cidrs.get().forEach(c -> items.add(Value.of(c, at)));
    return new Value.ListValue(items, at);
  }

  private Value length(Value arg, SourceRange at) {
    Value ev = eval(arg);
    return ev instanceof Value.ListValue l ? Value.of(BigDecimal.valueOf(l.items().size()), at)
        : unknown(ev, "Fn::Length needs a list", at);
  }

  private Value toJsonString(Value arg, SourceRange at) {
    Value ev = eval(arg);
    Optional<String> unknownInside = firstUnknown(ev);
    if (unknownInside.isPresent()) {
      return Value.unknown(unknownInside.get(), at);
    }
    StringBuilder out = new StringBuilder();
    CfnJson.write(ev, out);
    return Value.of(out.toString(), at);
  }

  private Value findInMap(Value arg, SourceRange at) {
    if (!(arg instanceof Value.ListValue l) || l.items().size() < 3) {
      return Value.unknown("Fn::FindInMap needs [map, top-level key, second-level key]", at);
    }
    Value fallback = null;
    if (l.items().size() > 3) {
      Value options = l.items().get(3).get("DefaultValue");
      if (!options.isAbsent()) {
        fallback = options;
      }
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Value k = eval(l.items().get(i));
      Optional<String> s = scalarText(k);
      if (s.isEmpty()) {
        return unknown(k, "Fn::FindInMap key is not a string", at);
      }
      keys.add(s.get());
    }
    Value found = template.mappings().get(keys.get(0)).get(keys.get(1)).get(keys.get(2));
    if (found.isAbsent()) {
      if (fallback != null) {
        return eval(fallback);
      }
      return Value.unknown("Fn::FindInMap: mapping " + String.join(".", keys) + " does not exist", at);
    }
    return eval(found);
  }

  private Value importValue(Value arg, SourceRange at) {
    Value ev = eval(arg);
    Optional<String> name = scalarText(ev);
    if (name.isEmpty()) {
      return Value.unknown("Fn::ImportValue is only known after deploy (export name: "
          + firstUnknown(ev).orElse(ev.describe()) + ")", at);
    }
    references.add(new Reference("import", name.get(), "", at));
    return Value.unknown("Fn::ImportValue " + name.get() + " is only known after deploy", at);
  }

  // ---------------------------------------------------------------- conditions

  /**
   * The truth of a named condition. When it depends on parameters without a value that all declare
   * AllowedValues, every combination is tried: a condition with the same truth for all of them is known.
   */
  Cond condition(String name) {
    Cond cached = conditionCache.get(name);
    if (cached != null) {
      return cached;
    }
    Value expr = template.conditions().get(name);
    if (expr.isAbsent()) {
      return new Cond(Truth.UNKNOWN, "condition " + name + " is not defined");
    }
    if (!conditionsInProgress.add(name)) {
      return new Cond(Truth.UNKNOWN, "condition " + name + " refers to itself");
    }
    Cond c;
    try {
      c = conditionExpression(expr);
      if (c.truth() == Truth.UNKNOWN) {
        c = tryAllowedValues(name, expr, c);
      }
    } finally {
      conditionsInProgress.remove(name);
    }
    conditionCache.put(name, c);
    return c;
  }

  private Cond tryAllowedValues(String name, Value expr, Cond unknown) {
    Set<String> params = new LinkedHashSet<>();
    Set<String> pseudo = new LinkedHashSet<>();
    collectInputs(expr, params, pseudo, new LinkedHashSet<>());
    params.removeIf(p -> parameters.get(p) == null || parameters.get(p).isKnown());
    String reason = reasonFor(name, params, pseudo, unknown.reason());
    if (params.isEmpty() || !pseudo.isEmpty()) {
      return new Cond(Truth.UNKNOWN, reason);
    }
    List<String> names = new ArrayList<>(params);
    List<List<String>> choices = new ArrayList<>();
    long combinations = 1;
    for (String p : names) {
      List<String> allowed = template.allowedValues(p);
      if (allowed.isEmpty()) {
        return new Cond(Truth.UNKNOWN, reason);
      }
      choices.add(allowed);
      combinations *= allowed.size();
      if (combinations > MAX_CONDITION_COMBINATIONS) {
        return new Cond(Truth.UNKNOWN, reason);
      }
    }
    Truth common = null;
    int[] index = new int[names.size()];
    for (long n = 0; n < combinations; n++) {
      Map<String, Value> assigned = new HashMap<>(parameters);
      long rest = n;
      for (int i = 0; i < names.size(); i++) {
        index[i] = (int) (rest % choices.get(i).size());
        rest /= choices.get(i).size();
        assigned.put(names.get(i), Value.of(choices.get(i).get(index[i]), null));
      }
      Truth t = new CfnEvaluator(template, assigned, pseudoParameters).conditionExpression(expr).truth();
      if (t == Truth.UNKNOWN || (common != null && common != t)) {
        return new Cond(Truth.UNKNOWN, reason);
      }
      common = t;
    }
    return common == null ? new Cond(Truth.UNKNOWN, reason) : new Cond(common, "");
  }

  private static String reasonFor(String name, Set<String> params, Set<String> pseudo, String fallback) {
    List<String> parts = new ArrayList<>();
    if (!params.isEmpty()) {
      parts.add((params.size() == 1 ? "parameter " : "parameters ") + String.join(", ", params));
    }
    if (!pseudo.isEmpty()) {
      parts.add((pseudo.size() == 1 ? "pseudo parameter " : "pseudo parameters ") + String.join(", ", pseudo));
    }
    if (parts.isEmpty()) {
      return "condition " + name + " is unknown: " + fallback;
    }
    return "condition " + name + " depends on " + String.join(" and ", parts);
  }

  /** Parameters and pseudo parameters an expression reads, following Condition references. */
  private void collectInputs(Value expr, Set<String> params, Set<String> pseudo, Set<String> seenConditions) {
    if (expr instanceof Value.MapValue m) {
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        if (e.getKey().equals("Ref") && e.getValue().asString().isPresent()) {
          String ref = e.getValue().asString().get();
          if (parameters.containsKey(ref)) {
            params.add(ref);
          } else if (ref.startsWith("AWS::") && !pseudoParameters.containsKey(ref)) {
            pseudo.add(ref);
          }
        } else if (e.getKey().equals("Condition") && e.getValue().asString().isPresent()) {
          String c = e.getValue().asString().get();
          if (seenConditions.add(c)) {
            collectInputs(template.conditions().get(c), params, pseudo, seenConditions);
          }
        } else {
          collectInputs(e.getValue(), params, pseudo, seenConditions);
        }
      }
    } else if (expr instanceof Value.ListValue l) {
      for (Value item : l.items()) {
        collectInputs(item, params, pseudo, seenConditions);
      }
    } else if (expr instanceof Value.Scalar s && s.value() instanceof String str && str.contains("${")) {
      for (String p : parameters.keySet()) {
        if (str.contains("${" + p + "}")) {
          params.add(p);
        }
      }
    }
  }

  Cond conditionExpression(Value expr) {
    if (expr instanceof Value.MapValue m && m.entries().size() == 1) {
      Map.Entry<String, Value> only = m.entries().entrySet().iterator().next();
      Value arg = only.getValue();
      switch (only.getKey()) {
        case "Condition":
          return arg.asString().map(this::condition)
              .orElse(new Cond(Truth.UNKNOWN, "Condition needs a condition name"));
        case "Fn::Equals": {
          List<Value> args = arg.items();
          if (!(arg instanceof Value.ListValue) || args.size() != 2) {
            return new Cond(Truth.UNKNOWN, "Fn::Equals needs two values");
          }
          Value a = eval(args.get(0));
          Value b = eval(args.get(1));
          Optional<String> unknownReason = firstUnknown(a).or(() -> firstUnknown(b));
          if (unknownReason.isPresent()) {
            return new Cond(Truth.UNKNOWN, unknownReason.get());
          }
          return Cond.of(canonical(a).equals(canonical(b)));
        }
        case "Fn::Not": {
          List<Value> args = arg.items();
          if (args.size() != 1) {
            return new Cond(Truth.UNKNOWN, "Fn::Not needs one condition");
          }
          Cond c = conditionExpression(args.get(0));
          return new Cond(c.truth().not(), c.reason());
        }
        case "Fn::And":
        case "Fn::Or": {
          boolean and = only.getKey().equals("Fn::And");
          Truth acc = and ? Truth.TRUE : Truth.FALSE;
          String reason = "";
          for (Value item : arg.items()) {
            Cond c = conditionExpression(item);
            if (c.truth() == Truth.UNKNOWN && reason.isEmpty()) {
              reason = c.reason();
            }
            acc = and ? acc.and(c.truth()) : acc.or(c.truth());
          }
          return new Cond(acc, acc == Truth.UNKNOWN ? reason : "");
        }
        default:
          break;
      }
    }
    Value ev = eval(expr);
    Truth t = ev.truth(false);
    if (t == Truth.UNKNOWN) {
      return new Cond(Truth.UNKNOWN, ev.unknownReason().orElse("not a condition: " + ev.describe()));
    }
    return new Cond(t, "");
  }

  // ---------------------------------------------------------------- helpers

  private static boolean same(Value.Scalar a, Value.Scalar b) {
    return canonical(a).equals(canonical(b));
  }

  /** CloudFormation compares values as strings: {@code true} and {@code "true"}, {@code 1} and {@code "1"} match. */
  private static String canonical(Value v) {
    if (v instanceof Value.ListValue l) {
      List<String> parts = new ArrayList<>();
      l.items().forEach(i -> parts.add(canonical(i)));
      return parts.toString();
    }
    if (v instanceof Value.MapValue) {
      StringBuilder out = new StringBuilder();
      CfnJson.write(v, out);
      return out.toString();
    }
    return v.asString().orElse("");
  }

  private static Optional<String> scalarText(Value v) {
    return v instanceof Value.Scalar s && s.value() != null ? v.asString() : Optional.empty();
  }

  static Optional<String> firstUnknown(Value v) {
    if (v instanceof Value.Unknown u) {
      return Optional.of(u.reason());
    }
    for (Value child : v instanceof Value.ListValue l ? l.items() : v.entries().values()) {
      Optional<String> r = firstUnknown(child);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private static Value unknown(Value cause, String otherwise, SourceRange at) {
    Optional<String> reason = firstUnknown(cause);
    return Value.unknown(reason.orElse(otherwise), at);
  }
}
