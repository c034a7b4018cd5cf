package io.spofscan.core.suppress;

import io.spofscan.core.model.SourceRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One suppression as written: the rule ids it names, the reason (empty when the user gave none), an optional expiry
 * date, and what it may apply to.
 *
 * @param ruleIds the rule ids named, upper case
 * @param reason the justification; blank means missing, which makes the suppression invalid
 * @param until last day the suppression holds, if any
 * @param where where it is written
 * @param scope what it applies to
 * @param resourceAddress for {@link Scope#RESOURCE}: the resource it belongs to
 */
public record Suppression(List<String> ruleIds, String reason, Optional<LocalDate> until, SourceRange where,
    Scope scope, String resourceAddress) {

  /** A comment applies by line; Metadata and annotations apply to the resource that carries them. */
  public enum Scope { LINE, RESOURCE }

  public Suppression {
    ruleIds = List.copyOf(ruleIds);
    reason = reason == null ? "" : reason.strip();
  }

  public boolean hasReason() {
    return !reason.isBlank();
  }

  public boolean expiredOn(LocalDate today) {
    return until.map(today::isAfter).orElse(false);
  }

  public boolean names(String ruleId) {
    return ruleIds.contains(ruleId);
  }

  /** Whether it names the rule {@code ruleId} by its id or by one of its aliases. */
  public boolean names(String ruleId, io.spofscan.core.rule.RuleAliases aliases) {
    return ruleIds.stream().anyMatch(n -> aliases.canonical(n).equals(ruleId));
  }
}
