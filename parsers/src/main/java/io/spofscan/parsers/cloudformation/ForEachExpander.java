package io.spofscan.parsers.cloudformation;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.yaml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands {@code Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]} loops of the
 * AWS::LanguageExtensions transform in the Resources section: one copy per item, with {@code ${Identifier}},
 * {@code &{Identifier}} (non-alphanumerics removed) and {@code {Ref: Identifier}} replaced. Loops nest. A loop whose
 * collection is not known is reported and left out.
 */
final class ForEachExpander {
  private static final int MAX_EXPANDED = 10_000;

  private final CfnEvaluator evaluator;
  private final List<Diagnostic> diagnostics;
  private int produced;

  ForEachExpander(CfnEvaluator evaluator, List<Diagnostic> diagnostics) {
    this.evaluator = evaluator;
    this.diagnostics = diagnostics;
  }

  Map<String, Value> expand(Map<String, Value> entries) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : entries.entrySet()) {
      if (!e.getKey().startsWith("Fn::ForEach::")) {
        out.put(e.getKey(), e.getValue());
        continue;
      }
      loop(e.getKey(), e.getValue()).ifPresent(out::putAll);
    }
    return out;
  }

  private Optional<Map<String, Value>> loop(String name, Value loop) {
    SourceRange at = loop.location().orElse(null);
    List<Value> args = loop.items();
    if (!(loop instanceof Value.ListValue) || args.size() != 3 || args.get(0).asString().isEmpty()
        || !(args.get(2) instanceof Value.MapValue template)) {
      warn(at, name + ": Fn::ForEach needs [identifier, collection, {key: value}]; not expanded");
      return Optional.empty();
    }
    String identifier = args.get(0).asString().get();
    Value collection = evaluator.eval(args.get(1));
    if (!(collection instanceof Value.ListValue items) || items.items().stream().anyMatch(i -> i.asString().isEmpty())) {
      warn(at, name + ": the collection is not known (" + CfnEvaluator.firstUnknown(collection)
          .orElse(collection.describe()) + "): the resources it declares are not checked");
      return Optional.empty();
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (Value item : items.items()) {
      String value = item.asString().get();
      Map<String, Value> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Value> e : template.entries().entrySet()) {
        copy.put(replace(e.getKey(), identifier, value), substitute(e.getValue(), identifier, value));
      }
      produced += copy.size();
      if (produced > MAX_EXPANDED) {
        warn(at, name + ": Fn::ForEach expands to more than " + MAX_EXPANDED + " resources; stopped");
        return Optional.of(out);
      }
      out.putAll(expand(copy));
    }
    return Optional.of(out);
  }

  private static Value substitute(Value v, String identifier, String value) {
    SourceRange at = v.location().orElse(null);
    if (v instanceof Value.Scalar s && s.value() instanceof String str) {
      return Value.of(replace(str, identifier, value), at);
    }
    if (v instanceof Value.MapValue m) {
      if (m.entries().size() == 1 && identifier.equals(m.get("Ref").asString().orElse(null))) {
        return Value.of(value, at);
      }
      Map<String, Value> out = new LinkedHashMap<>();
      m.entries().forEach((k, child) -> out.put(replace(k, identifier, value), substitute(child, identifier, value)));
      return new Value.MapValue(out, at);
    }
    if (v instanceof Value.ListValue l) {
      List<Value> out = new ArrayList<>();
      l.items().forEach(i -> out.add(substitute(i, identifier, value)));
      return new Value.ListValue(out, at);
    }
    return Values.relocate(v, at);
  }

  private static String replace(String text, String identifier, String value) {
    return text.replace("${" + identifier + "}", value)
        .replace("&{" + identifier + "}", value.replaceAll("[^A-Za-z0-9]", ""));
  }

  private void warn(SourceRange at, String message) {
    if (at != null) {
      diagnostics.add(Diagnostic.warning(at, message));
    }
  }
}
