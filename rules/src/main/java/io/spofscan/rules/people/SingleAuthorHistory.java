package io.spofscan.rules.people;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.support.Values;

@RuleInfo(
    id = "SPOF-OWNER-002",
    title = "One person made nearly every recent change to infrastructure code (--git-history)",
    severity = Severity.MEDIUM,
    formats = {Format.CODEOWNERS},
    rationale = "When one person authored 80% or more of the recent changes to infrastructure code, CI definitions "
        + "or migrations, what it takes to change them safely lives with that person, whatever CODEOWNERS says: "
        + "while they are away, incidents on that path wait for them. The truck factor (Avelino et al., 2016) "
        + "counts the fewest people whose leaving orphans most of the files.",
    remediation = "Spread the knowledge: have others make and review changes on the path (pairing, rotation), "
        + "document how it is deployed and recovered, and name a team as its code owner.",
    tags = {"people", "git-history", "bus-factor"},
    references = {"https://arxiv.org/abs/1604.06766",
        "https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/"
            + "customizing-your-repository/about-code-owners"})
public final class SingleAuthorHistory implements Rule {
  static final Kind HISTORY = Kind.of("CODEOWNERS path history", "codeowners_history");

  /** Share of the recent changes that makes one person the path's single point of knowledge. */
  static final double SHARE = 0.8;
  /** Fewer changes than this say too little about who knows the path. */
  static final long MIN_CHANGES = 3;

  @Override
  public void check(Model model, Reporter report) {
    for (Resource h : model.all(HISTORY)) {
      String pattern = h.attr("pattern").asString().orElse("");
      long months = h.attr("months").asLong().orElse(12);
      if (h.attr("shallow").truth(false) == Truth.TRUE) {
        report.unknown(h, h.attr("pattern"), "%s: the repository is a shallow clone, so who changed it in the last "
            + "%s cannot be counted (fetch the full history, e.g. fetch-depth: 0)", pattern,
            Values.plural(months, "month"));
        continue;
      }
      long changes = h.attr("changes").asLong().orElse(0);
      long top = h.attr("top_changes").asLong().orElse(0);
      if (changes < MIN_CHANGES || top < SHARE * changes) {
        continue;
      }
      long people = h.attr("people").asLong().orElse(0);
      report.at(h, h.attr("pattern"), "%s: %s made %d of its %d changes in the last %s (%d%%; %s changed it, "
          + "truck factor %d): what it takes to change it lives with one person", pattern,
          h.attr("top_author").asString().orElse("one person"), top, changes, Values.plural(months, "month"),
          Math.round(100.0 * top / changes), people == 1 ? "1 person" : people + " people", h.attr("truck_factor").asLong()
              .orElse(0));
    }
  }
}
