package io.spofscan.parsers.kubernetes;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.yaml.ParseLimits;
import io.spofscan.parsers.yaml.ParsedDocuments;
import io.spofscan.parsers.yaml.YamlTreeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helm values written as YAML text become value trees, so rules read a release's values like any other attribute:
 * each item of a Terraform {@code helm_release}'s {@code values} (a heredoc, or {@code yamlencode(...)} /
 * {@code jsonencode(...)}, which the evaluator writes as text) and an Argo CD {@code Application}'s
 * {@code spec.source.helm.values}. Every node of a parsed tree is located at the text it came from, the attribute a
 * user edits; text that is not a YAML mapping stays as written.
 */
public final class HelmValues {
  private static final int MAX_VALUES_CHARS = 1_000_000;
  private static final int MAX_DEPTH = 64;

  private HelmValues() {}

  public static Model parseEmbedded(Model model) {
    List<Resource> out = new ArrayList<>();
    boolean changed = false;
    for (Resource r : model.resources()) {
      Value.MapValue body = r.body();
      Value.MapValue parsed = body;
      if (r.format() == Format.TERRAFORM && r.type().equals("helm_release")
          && body.get("values") instanceof Value.ListValue list) {
        List<Value> items = new ArrayList<>();
        list.items().forEach(item -> items.add(tree(item).orElse(item)));
        parsed = Kustomizations.put(body, List.of("values"), new Value.ListValue(items, list.range()), r.range());
      } else if (r.format() == Format.KUBERNETES && r.kindName().equals("Application")) {
        Value text = body.path("spec.source.helm.values");
        Optional<Value> tree = tree(text);
        if (tree.isPresent()) {
          parsed = Kustomizations.put(body, List.of("spec", "source", "helm", "values"), tree.get(), r.range());
        }
      }
      if (parsed != body) {
        changed = true;
        out.add(new Resource(r.format(), r.type(), r.address(), r.range(), parsed, r.references(), r.existence(),
            r.callChain(), r.origins()));
      } else {
        out.add(r);
      }
    }
    return changed ? new Model(out, model.diagnostics(), model.patchDocuments()) : model;
  }

  /** The mapping a YAML text holds, located at the text; empty when it is no text or no mapping. */
  static Optional<Value> tree(Value text) {
    return yaml(text).filter(v -> v instanceof Value.MapValue);
  }

  /** The value a YAML text holds (one document), every node located at the text; empty when it does not parse. */
  static Optional<Value> yaml(Value text) {
    Optional<String> s = text instanceof Value.Scalar sc && sc.value() instanceof String str ? Optional.of(str)
        : Optional.empty();
    SourceRange at = text.location().orElse(null);
    if (s.isEmpty() || s.get().length() > MAX_VALUES_CHARS || at == null) {
      return Optional.empty();
    }
    try {
      ParsedDocuments parsed = new YamlTreeBuilder(at.path(), s.get(), ParseLimits.forFileCap(s.get().length() + 1L))
          .read();
      if (parsed.failed() || parsed.documents().size() != 1) {
        return Optional.empty();
      }
      return Optional.of(locatedAt(parsed.documents().get(0).root(), at, 0));
    } catch (RuntimeException e) {
      return Optional.empty(); // text that does not parse stays text
    }
  }

  private static Value locatedAt(Value v, SourceRange at, int depth) {
    if (depth > MAX_DEPTH) {
      return Value.unknown("Helm values nested too deeply to read", at);
    }
    if (v instanceof Value.MapValue m) {
      Map<String, Value> entries = new LinkedHashMap<>();
      m.entries().forEach((k, child) -> entries.put(k, locatedAt(child, at, depth + 1)));
      return new Value.MapValue(entries, at);
    }
    if (v instanceof Value.ListValue l) {
      List<Value> items = new ArrayList<>();
      l.items().forEach(child -> items.add(locatedAt(child, at, depth + 1)));
      return new Value.ListValue(items, at);
    }
    if (v instanceof Value.Scalar s) {
      return new Value.Scalar(s.value(), at);
    }
    return v instanceof Value.Unknown u ? Value.unknown(u.reason(), at) : v;
  }
}
