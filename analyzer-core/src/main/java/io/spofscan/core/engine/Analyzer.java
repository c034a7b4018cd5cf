package io.spofscan.core.engine;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RelatedLocation;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Runs every rule once over the model and returns sorted findings with stable fingerprints. */
public final class Analyzer {
  private final List<Rule> rules;

  public Analyzer(List<? extends Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<RuleMeta> ruleMetas() {
    return rules.stream().map(Rule::meta).toList();
  }

  public Analysis analyze(Model model) {
    List<Finding> findings = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(model.diagnostics());
    for (Rule rule : rules) {
      RuleMeta meta = rule.meta();
      List<Finding> ruleFindings = new ArrayList<>();
      try {
        rule.check(model, new Reporter(meta, ruleFindings));
        findings.addAll(ruleFindings);
      } catch (RuntimeException e) {
        // A rule bug must not lose the other rules' results; it becomes a visible diagnostic instead.
        diagnostics.add(Diagnostic.error(SourceRange.at("<rules>", 1, 1),
            "rule " + meta.id() + " failed on this input (a bug in spofscan, please report it): its findings "
                + "are incomplete"));
      }
    }
    return new Analysis(fingerprinted(mergedRepeats(findings)), diagnostics.stream().sorted().distinct().toList());
  }

  /** Instances named in a merged finding's message; the rest are counted. */
  static final int MAX_NAMED_INSTANCES = 10;

  /**
   * One module line instantiated by several module calls (or one call with count/for_each) gives one finding that
   * lists the instances, not one identical finding per instance. Only findings with related locations (module
   * instances) merge: same rule, place, certainty and message but for the instance's address.
   */
  public static List<Finding> mergedRepeats(List<Finding> findings) {
    Map<String, List<Finding>> groups = new java.util.LinkedHashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings.stream().sorted().distinct().toList()) {
      if (f.related().isEmpty() || f.resourceAddress().isEmpty()) {
        out.add(f);
        continue;
      }
      String key = f.ruleId() + "|" + f.location() + "|" + f.certain() + "|" + f.resourceType() + "|"
          + f.message().replace(f.resourceAddress(), "\0");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    for (List<Finding> group : groups.values()) {
      Finding first = group.get(0);
      if (group.size() == 1) {
        out.add(first);
        continue;
      }
      List<String> others = group.stream().skip(1).map(Finding::resourceAddress).distinct().toList();
      String named = String.join(", ", others.subList(0, Math.min(MAX_NAMED_INSTANCES, others.size())))
          + (others.size() > MAX_NAMED_INSTANCES ? " and " + (others.size() - MAX_NAMED_INSTANCES) + " more" : "");
      List<RelatedLocation> related = group.stream().flatMap(f -> f.related().stream()).distinct().sorted().toList();
      out.add(new Finding(first.ruleId(), first.severity(), first.certain(), first.message() + " (the same for "
          + others.size() + " more instance" + (others.size() == 1 ? "" : "s") + " of this module line: " + named
          + ")", first.location(), first.format(), first.resourceType(), first.resourceAddress(), first.notes(),
          first.fingerprint(), related));
    }
    return out;
  }

  /** Sorts findings and gives each a fingerprint of rule + path + resource address (+ ordinal if repeated). */
  public static List<Finding> fingerprinted(List<Finding> findings) {
    List<Finding> sorted = findings.stream().sorted().distinct().toList();
    Map<String, Integer> seen = new HashMap<>();
    List<Finding> out = new ArrayList<>(sorted.size());
    for (Finding f : sorted) {
      String key = fingerprintKey(f.ruleId(), f.location().path(), f.resourceAddress());
      int n = seen.merge(key, 1, Integer::sum);
      out.add(f.withFingerprint(sha256(n == 1 ? key : key + "|" + n)));
    }
    return out;
  }

  /** The fingerprint the first finding of a rule on a resource gets (the one a baseline entry names). */
  public static String fingerprint(String ruleId, String path, String resourceAddress) {
    return sha256(fingerprintKey(ruleId, path, resourceAddress));
  }

  private static String fingerprintKey(String ruleId, String path, String resourceAddress) {
    return ruleId + "|" + path + "|" + resourceAddress;
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  /** The analyzer's output: sorted findings and all diagnostics (parser ones included). */
  public record Analysis(List<Finding> findings, List<Diagnostic> diagnostics) {
    public Analysis {
      findings = List.copyOf(findings);
      diagnostics = List.copyOf(diagnostics);
    }
  }
}
