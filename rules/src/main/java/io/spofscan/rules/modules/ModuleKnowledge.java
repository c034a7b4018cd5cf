package io.spofscan.rules.modules;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What spofscan knows about well-known registry modules, as data ({@code modules/registry-modules.tsv}): for each
 * module input, the default the module uses and the values that make the call a single point of failure. Rules
 * call {@link #check} with their own id to judge the {@code module} resources of a scan.
 */
public final class ModuleKnowledge {

  /** The knowledge shipped with spofscan. */
  public static final ModuleKnowledge BUILT_IN = load("/modules/registry-modules.tsv");
  /** What spofscan knows about well-known Helm charts, judged by a release's values ({@code charts/charts.tsv}). */
  public static final ModuleKnowledge CHARTS = load("/charts/charts.tsv").describingDefaultsAs("chart default");

  private static final Set<String> OPS = Set.of("==", "!=", "<=", ">=", "<", ">");

  /** {@code path op literal} or {@code count(path) op number}. */
  record Predicate(String path, boolean count, String op, Value literal, String text) {}

  record Entry(String source, String ruleId, Predicate condition, List<Predicate> guards, String why) {}

  /** One evaluated place of a condition: the value (or its nearest present container) and its verdict. */
  private record Target(String label, String spelled, Value value, Value anchor, boolean defaulted, Truth truth) {}

  private final Map<String, Map<String, Value>> defaults;
  private final Map<String, List<Entry>> entriesBySource;

  private final String defaultNoun;

  private ModuleKnowledge(Map<String, Map<String, Value>> defaults, Map<String, List<Entry>> entries,
      String defaultNoun) {
    this.defaults = defaults;
    this.entriesBySource = entries;
    this.defaultNoun = defaultNoun;
  }

  /** The same knowledge, naming an unset input's default "{@code noun}" in messages. */
  ModuleKnowledge describingDefaultsAs(String noun) {
    return new ModuleKnowledge(defaults, entriesBySource, noun);
  }

  static ModuleKnowledge load(String resource) {
    try (InputStream in = ModuleKnowledge.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Parses the TSV format described at the top of the shipped file; errors name the line. */
  public static ModuleKnowledge parse(String text, String name) {
    Map<String, Map<String, Value>> defaults = new HashMap<>();
    Map<String, List<Entry>> entries = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String where = name + ":" + (i + 1);
      String[] f = line.split("\t");
      try {
        if (f[0].equals("default") && f.length == 4) {
          defaults.computeIfAbsent(normaliseSource(f[1]), k -> new HashMap<>()).put(f[2], literal(f[3].strip()));
        } else if (f[0].equals("spof") && f.length == 6) {
          List<Predicate> guards = new ArrayList<>();
          if (!f[4].strip().equals("-")) {
            for (String g : f[4].split(";")) {
              guards.add(predicate(g.strip()));
            }
          }
          String source = normaliseSource(f[1]);
          entries.computeIfAbsent(source, k -> new ArrayList<>())
              .add(new Entry(source, f[2].strip(), predicate(f[3].strip()), guards, f[5].strip()));
        } else {
          throw new IllegalArgumentException("expected 'default' with 3 fields or 'spof' with 5 fields");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new ModuleKnowledge(defaults, entries, "module default");
  }

  /** Rule ids the knowledge reports under. */
  public Set<String> ruleIds() {
    Set<String> ids = new TreeSet<>();
    entriesBySource.values().forEach(l -> l.forEach(e -> ids.add(e.ruleId())));
    return ids;
  }

  /** Module sources the knowledge covers. */
  public Set<String> sources() {
    return new TreeSet<>(entriesBySource.keySet());
  }

  /** Judges every registry module call of the model against the entries of {@code ruleId}. */
  public void check(Model model, String ruleId, Reporter report) {
    for (Resource call : model.all(Kinds.MODULE_CALL)) {
      Optional<String> source = call.attr("source").asString().map(ModuleKnowledge::normaliseSource);
      if (source.isEmpty()) {
        continue;
      }
      List<Entry> entries = entriesBySource.getOrDefault(source.get(), List.of()).stream()
          .filter(e -> e.ruleId().equals(ruleId)).toList();
      if (!entries.isEmpty()) {
        judge(call, call.body(), source.get(), call.address() + " (" + source.get() + ")", entries, report);
      }
    }
  }

  /**
   * Judges {@code inputs}, the inputs of {@code owner} as the knowledge of {@code source} names them (a Helm
   * release's merged values, say), against the entries of {@code ruleId}; {@code name} leads each message.
   */
  public void check(Resource owner, Value inputs, String source, String name, String ruleId, Reporter report) {
    List<Entry> entries = entriesBySource.getOrDefault(normaliseSource(source), List.of()).stream()
        .filter(e -> e.ruleId().equals(ruleId)).toList();
    if (!entries.isEmpty()) {
      judge(owner, inputs, normaliseSource(source), name, entries, report);
    }
  }

  private void judge(Resource call, Value body, String source, String name, List<Entry> entries,
      Reporter report) {
    // One finding per call and fanned-out element: definite reasons win over uncertain ones.
    Map<String, List<String>> definite = new LinkedHashMap<>();
    Map<String, Value> definiteAt = new HashMap<>();
    Map<String, List<String>> unknown = new LinkedHashMap<>();
    Map<String, Value> unknownAt = new HashMap<>();
    for (Entry e : entries) {
      Truth guards = Truth.TRUE;
      List<String> guardDeps = new ArrayList<>();
      for (Predicate g : e.guards()) {
        for (Target t : evaluate(body, call, source, g)) {
          guards = guards.and(t.truth());
          if (t.truth() == Truth.UNKNOWN) {
            guardDeps.add(g.path() + " (" + Values.why(t.value()) + ")");
          }
        }
      }
      if (guards == Truth.FALSE) {
        continue;
      }
      for (Target t : evaluate(body, call, source, e.condition())) {
        if (t.truth() == Truth.FALSE) {
          continue;
        }
        // A module default has no place in the call: point at the nearest input the call writes.
        Value where = t.value().isAbsent() || t.defaulted() ? t.anchor() : t.value();
        String shown = e.condition().count() ? "count(" + t.spelled() + ")" : t.spelled();
        if (t.truth() == Truth.TRUE && guards == Truth.TRUE) {
          String value = e.condition().count() ? String.valueOf(size(t.value())) : t.value().describe();
          definite.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(shown + " is " + value
              + (t.defaulted() ? " (not set, " + defaultNoun + ")" : "") + ": " + e.why());
          definiteAt.putIfAbsent(t.label(), where);
        } else {
          String dep = t.truth() == Truth.UNKNOWN ? t.spelled() + " depends on " + Values.why(t.value())
              : "it applies only if " + String.join(" and ", guardDeps);
          unknown.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(e.why() + " when "
              + e.condition().text().replace("*", t.label()) + "; " + dep);
          unknownAt.putIfAbsent(t.label(), where);
        }
      }
    }
    for (var d : definite.entrySet()) {
      report.at(call, definiteAt.get(d.getKey()), "%s: %s", name, String.join("; ", d.getValue()));
    }
    for (var u : unknown.entrySet()) {
      if (!definite.containsKey(u.getKey())) {
        report.unknown(call, unknownAt.get(u.getKey()), "%s may be a single point of failure: %s", name,
            String.join("; ", u.getValue()));
      }
    }
  }

  /** Evaluates a predicate at every place its path reaches ({@code *} fans out over map entries / list items). */
  private List<Target> evaluate(Value body, Resource call, String source, Predicate p) {
    List<Target> out = new ArrayList<>();
    walk(body, p.path().split("\\."), 0, "", "", Value.absent(), call, source, p, out);
    return out;
  }

  private void walk(Value current, String[] segments, int i, String label, String spelled, Value anchor,
      Resource call, String source, Predicate p, List<Target> out) {
    if (i == segments.length) {
      Value v = current;
      boolean defaulted = false;
      if (v.isAbsent()) {
        Value d = defaults.getOrDefault(source, Map.of()).get(p.path());
        if (d != null) {
          v = d;
          defaulted = true;
        }
      }
      out.add(new Target(label, spelled, v, anchor, defaulted, compare(v, p)));
      return;
    }
    String seg = segments[i];
    String prefix = spelled.isEmpty() ? "" : spelled + ".";
    if (seg.equals("*")) {
      if (current.isUnknown()) {
        out.add(new Target(label, prefix + "*", current, anchor, false, Truth.UNKNOWN));
        return;
      }
      if (current instanceof Value.MapValue m) {
        for (var e : m.entries().entrySet()) {
          Value next = e.getValue();
          walk(next, segments, i + 1, e.getKey(), prefix + e.getKey(), next.isAbsent() ? anchor : next, call,
              source, p, out);
        }
      } else if (current instanceof Value.ListValue l) {
        for (int k = 0; k < l.items().size(); k++) {
          Value next = l.items().get(k);
          walk(next, segments, i + 1, "[" + k + "]", prefix + k, next, call, source, p, out);
        }
      } else if (current.isAbsent()) {
        Value d = defaults.getOrDefault(source, Map.of()).get(String.join(".", List.of(segments).subList(0, i)));
        if (d != null && !d.entries().isEmpty()) {
          walk(d, segments, i, label, spelled, anchor, call, source, p, out);
        }
      }
      return;
    }
    Value next = current.get(seg);
    walk(next, segments, i + 1, label, prefix + seg, next.isAbsent() ? anchor : next, call, source, p, out);
  }

  private static Truth compare(Value v, Predicate p) {
    if (v.isUnknown()) {
      return Truth.UNKNOWN;
    }
    if (p.count()) {
      if (v instanceof Value.MapValue || v instanceof Value.ListValue || v.isAbsent() || v.isNull()) {
        return numeric(BigDecimal.valueOf(size(v)), p.op(), (BigDecimal) ((Value.Scalar) p.literal()).value());
      }
      return Truth.UNKNOWN;
    }
    Object lit = p.literal() instanceof Value.Scalar s ? s.value() : null;
    if (lit instanceof Boolean b) {
      if (v.isAbsent() || v.isNull()) {
        return Truth.FALSE; // nothing known to compare: the fact does not apply
      }
      Truth t = v.truth(false);
      if (t == Truth.UNKNOWN) {
        return Truth.UNKNOWN;
      }
      boolean eq = (t == Truth.TRUE) == b;
      return Truth.of(p.op().equals("==") ? eq : p.op().equals("!=") && !eq);
    }
    if (lit instanceof BigDecimal n) {
      Optional<BigDecimal> have = v.asString().flatMap(ModuleKnowledge::number);
      if (have.isEmpty()) {
        return v instanceof Value.Scalar s && s.value() instanceof String str && !str.isBlank()
            ? Truth.UNKNOWN : Truth.FALSE;
      }
      return numeric(have.get(), p.op(), n);
    }
    String want = lit == null ? "" : lit.toString();
    String have = v.isAbsent() || v.isNull() ? "" : v.asString().orElse(null);
    if (have == null) {
      return Truth.FALSE;
    }
    boolean eq = have.equalsIgnoreCase(want);
    return Truth.of(p.op().equals("==") ? eq : p.op().equals("!=") && !eq);
  }

  private static Truth numeric(BigDecimal have, String op, BigDecimal want) {
    int c = have.compareTo(want);
    return Truth.of(switch (op) {
      case "==" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    });
  }

  private static int size(Value v) {
    if (v instanceof Value.MapValue m) {
      return m.entries().size();
    }
    if (v instanceof Value.ListValue l) {
      return l.items().size();
    }
    return 0;
  }

  private static Optional<BigDecimal> number(String s) {
    try {
      return Optional.of(new BigDecimal(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Predicate predicate(String text) {
    for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
      int at = text.indexOf(" " + op + " ");
      if (at > 0) {
        String left = text.substring(0, at).strip();
        Value literal = literal(text.substring(at + op.length() + 2).strip());
        boolean count = left.startsWith("count(") && left.endsWith(")");
        String path = count ? left.substring(6, left.length() - 1) : left;
        if (count && !(literal instanceof Value.Scalar s && s.value() instanceof BigDecimal)) {
          throw new IllegalArgumentException("count() compares with a number: " + text);
        }
        if (path.isEmpty() || !path.matches("[A-Za-z0-9_*.\\-]+")) {
          throw new IllegalArgumentException("bad input path in: " + text);
        }
        return new Predicate(path, count, op, literal, text);
      }
    }
    throw new IllegalArgumentException("expected '<path> <op> <literal>' with op one of " + OPS + ": " + text);
  }

  static Value literal(String s) {
    if (s.equals("true") || s.equals("false")) {
      return Value.of(Boolean.valueOf(s), null);
    }
    if (s.equals("null")) {
      return Value.of(null, null);
    }
    if (s.equals("[]")) {
      return new Value.ListValue(List.of(), null);
    }
    if (s.equals("{}")) {
      return new Value.MapValue(Map.of(), null);
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return Value.of(s.substring(1, s.length() - 1), null);
    }
    return number(s).map(n -> Value.of(n, null))
        .orElseThrow(() -> new IllegalArgumentException("bad literal " + s));
  }

  /** Registry address without the registry host, lower case; a submodule keeps its //path. */
  static String normaliseSource(String source) {
    String s = source.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("registry.terraform.io/")) {
      s = s.substring("registry.terraform.io/".length());
    }
    if (s.startsWith("app.terraform.io/")) {
      return s; // a private registry module of the same name is another module
    }
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
