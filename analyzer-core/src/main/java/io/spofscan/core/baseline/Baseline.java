package io.spofscan.core.baseline;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.json.Json;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleAliases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings accepted as they are today, by fingerprint (rule + path + resource address, not the line), so a scan with
 * the baseline reports only what is new and survives unrelated edits to the files.
 */
public record Baseline(List<Entry> entries) {
  public static final int VERSION = 1;

  /** One accepted finding; rule, path and resource are kept so a reader can see what was accepted. */
  public record Entry(String fingerprint, String ruleId, String path, String resource) {}

  public Baseline {
    entries = entries.stream().sorted(Comparator.comparing(Entry::path).thenComparing(Entry::ruleId)
        .thenComparing(Entry::resource).thenComparing(Entry::fingerprint)).distinct().toList();
  }

  public static Baseline of(List<Finding> findings) {
    List<Entry> entries = new ArrayList<>();
    for (Finding f : findings) {
      entries.add(new Entry(f.fingerprint(), f.ruleId(), f.location().path(), f.resourceAddress()));
    }
    return new Baseline(entries);
  }

  /** The baseline file: versioned JSON, sorted, so it diffs well in review. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", VERSION);
    List<Object> list = new ArrayList<>();
    for (Entry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fingerprint", e.fingerprint());
      m.put("ruleId", e.ruleId());
      m.put("path", e.path());
      m.put("resource", e.resource());
      list.add(m);
    }
    root.put("findings", list);
    return Json.write(root);
  }

  /** What a baseline did to a scan: how many findings it hid and which accepted findings no longer occur. */
  public record Outcome(List<Finding> newFindings, List<Finding> baselined, List<Entry> gone) {
    public Outcome {
      newFindings = List.copyOf(newFindings);
      baselined = List.copyOf(baselined);
      gone = List.copyOf(gone);
    }
  }

  public Outcome apply(List<Finding> findings) {
    return apply(findings, RuleAliases.none());
  }

  /**
   * An entry of a former rule id (an alias) accepts the finding its rule now reports on the same resource: the
   * entry keeps rule, path and resource, so the fingerprint the current rule gives that finding can be computed.
   */
  public Outcome apply(List<Finding> findings, RuleAliases aliases) {
    Map<String, Entry> accepted = new HashMap<>();
    for (Entry e : entries) {
      accepted.putIfAbsent(e.fingerprint(), e);
      if (aliases.isAlias(e.ruleId())) {
        accepted.putIfAbsent(Analyzer.fingerprint(aliases.canonical(e.ruleId()), e.path(), e.resource()), e);
      }
    }
    Set<Entry> seen = new HashSet<>();
    List<Finding> fresh = new ArrayList<>();
    List<Finding> hidden = new ArrayList<>();
    for (Finding f : findings) {
      Entry e = accepted.get(f.fingerprint());
      if (e == null) {
        fresh.add(f);
      } else {
        hidden.add(f);
        seen.add(e);
      }
    }
    List<Entry> gone = entries.stream().filter(e -> !seen.contains(e)).toList();
    return new Outcome(fresh, hidden, gone);
  }
}
