package io.spofscan.core.suppress;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import java.util.List;

/**
 * Findings about suppressions themselves. They are raised by the {@link Suppressor}, not by a rule visiting the
 * model, but carry the same metadata so every report and {@code spofscan rules} describe them.
 */
public final class MetaRules {
  private MetaRules() {}

  public static final String MISSING_REASON = "SPOF-META-001";
  public static final String STALE = "SPOF-META-002";
  public static final String EXPIRED = "SPOF-META-003";

  @RuleInfo(id = MISSING_REASON, title = "Suppression without a reason",
      severity = Severity.MEDIUM, formats = {Format.TERRAFORM, Format.CLOUDFORMATION, Format.KUBERNETES},
      rationale = "An accepted single point of failure needs a written justification, so reviewers can tell a "
          + "deliberate trade-off from a silenced alarm. A suppression without a reason is not honoured.",
      remediation = "Add the reason after the rule id: '# spofscan:ignore SPOF-RDS-001 scratch database, "
          + "rebuilt nightly from a snapshot'.",
      tags = {"suppression"})
  static final class MissingReason {}

  @RuleInfo(id = STALE, title = "Suppression matches no finding",
      severity = Severity.LOW, formats = {Format.TERRAFORM, Format.CLOUDFORMATION, Format.KUBERNETES},
      rationale = "A suppression that matches nothing is left over from a fixed or moved resource; it would "
          + "silently hide a future finding on the same line or resource.",
      remediation = "Delete the suppression, or correct its rule id.",
      tags = {"suppression"})
  static final class Stale {}

  @RuleInfo(id = EXPIRED, title = "Suppression has expired",
      severity = Severity.LOW, formats = {Format.TERRAFORM, Format.CLOUDFORMATION, Format.KUBERNETES},
      rationale = "The suppression's until= date has passed, so the finding it covered is reported again.",
      remediation = "Fix the single point of failure, or renew the suppression with a new until= date and reason.",
      tags = {"suppression"})
  static final class Expired {}

  public static final List<RuleMeta> ALL = List.of(
      RuleMeta.of(MissingReason.class), RuleMeta.of(Stale.class), RuleMeta.of(Expired.class));

  public static RuleMeta meta(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }
}
