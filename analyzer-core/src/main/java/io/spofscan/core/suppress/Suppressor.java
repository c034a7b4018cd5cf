package io.spofscan.core.suppress;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleAliases;
import io.spofscan.core.rule.RuleMeta;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies suppressions to findings. A suppression holds when it names the finding's rule, has a reason, has not
 * expired, and sits where it applies: a comment on the resource's header line, the line above it, the finding's
 * line or the line above that; an embedded suppression on the finding's own resource. Invalid, stale and expired
 * suppressions become findings of the {@link MetaRules}.
 */
public final class Suppressor {
  private final LocalDate today;
  private final RuleAliases aliases;

  /** @param today the day expiry dates are compared with (passed in, so results are reproducible) */
  public Suppressor(LocalDate today) {
    this(today, RuleAliases.none());
  }

  /** @param aliases former rule ids a suppression may still name */
  public Suppressor(LocalDate today, RuleAliases aliases) {
    this.today = today;
    this.aliases = aliases;
  }

  /** The findings still reported (meta findings included, sorted) and the suppressed ones. */
  public record Result(List<Finding> findings, List<Suppressed> suppressed) {
    public Result {
      findings = List.copyOf(findings);
      suppressed = List.copyOf(suppressed);
    }
  }

  /**
   * @param findings the rules' findings, fingerprinted
   * @param resources the model's resources (for header lines and embedded suppressions)
   * @param comments comment suppressions of every scanned file
   */
  public Result apply(List<Finding> findings, List<Resource> resources, List<Suppression> comments) {
    Map<String, Resource> byKey = new HashMap<>();
    for (Resource r : resources) {
      byKey.putIfAbsent(r.path() + "\u0000" + r.address(), r);
    }
    List<Suppression> all = new ArrayList<>(comments);
    resources.forEach(r -> all.addAll(SuppressionFinder.embedded(r)));

    Set<Suppression> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Finding> kept = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    List<Finding> meta = new ArrayList<>();
    for (Finding f : findings) {
      Resource owner = byKey.get(f.location().path() + "\u0000" + f.resourceAddress());
      Suppression holding = null;
      Suppression expired = null;
      for (Suppression s : all) {
        if (!s.hasReason() || !s.names(f.ruleId(), aliases) || !appliesTo(s, f, owner)) {
          continue;
        }
        used.add(s);
        if (s.expiredOn(today)) {
          expired = s;
        } else {
          holding = s;
          break;
        }
      }
      if (holding != null) {
        suppressed.add(new Suppressed(f, holding.reason(), holding.where()));
      } else {
        kept.add(f);
        if (expired != null) {
          meta.add(metaFinding(MetaRules.EXPIRED, expired, f.format(),
              "suppression of " + f.ruleId() + " for " + f.resourceAddress() + " expired on "
                  + expired.until().orElseThrow() + ", so the finding is reported again (reason was: "
                  + expired.reason() + ")"));
        }
      }
    }
    Map<String, Format> formatOfPath = new HashMap<>();
    resources.forEach(r -> formatOfPath.putIfAbsent(r.path(), r.format()));
    for (Suppression s : all) {
      Format format = formatOfPath.getOrDefault(s.where().path(), guessFormat(s.where().path()));
      if (s.ruleIds().isEmpty()) {
        meta.add(metaFinding(MetaRules.MISSING_REASON, s, format,
            "suppression names no rule id: write 'spofscan:ignore RULE-ID reason'"));
      } else if (!s.hasReason()) {
        meta.add(metaFinding(MetaRules.MISSING_REASON, s, format, "suppression of " + String.join(", ", s.ruleIds())
            + " has no reason (or an unreadable until= date), so it is not honoured"));
      } else if (!used.contains(s)) {
        meta.add(metaFinding(MetaRules.STALE, s, format, "suppression of " + String.join(", ", s.ruleIds())
            + " matches no finding" + (s.scope() == Suppression.Scope.RESOURCE ? " of " + s.resourceAddress() : "")));
      }
    }
    kept.addAll(Analyzer.fingerprinted(meta));
    return new Result(kept.stream().sorted().toList(), suppressed);
  }

  private static boolean appliesTo(Suppression s, Finding f, Resource owner) {
    if (!s.where().path().equals(f.location().path())) {
      return false;
    }
    if (s.scope() == Suppression.Scope.RESOURCE) {
      return s.resourceAddress().equals(f.resourceAddress());
    }
    int line = s.where().line();
    int findingLine = f.location().line();
    if (line == findingLine || line == findingLine - 1) {
      return true;
    }
    if (owner != null) {
      int header = owner.range().line();
      return line == header || line == header - 1;
    }
    return false;
  }

  private static Finding metaFinding(String ruleId, Suppression s, Format format, String message) {
    RuleMeta meta = MetaRules.meta(ruleId);
    String address = s.scope() == Suppression.Scope.RESOURCE && !s.resourceAddress().isEmpty()
        ? s.resourceAddress() + " suppression " + String.join(",", s.ruleIds())
        : "suppression " + String.join(",", s.ruleIds());
    return new Finding(ruleId, meta.severity(), true, message, s.where(), format, "suppression", address,
        List.of(), "");
  }

  private static Format guessFormat(String path) {
    return path.endsWith(".tf") || path.endsWith(".tf.json") ? Format.TERRAFORM : Format.KUBERNETES;
  }
}
