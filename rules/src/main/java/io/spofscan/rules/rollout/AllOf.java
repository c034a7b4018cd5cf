package io.spofscan.rules.rollout;

import io.spofscan.core.model.Value;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions that together make a rollout take everything down at once. One known-false condition clears the
 * resource; when none is false but some are unresolved, the finding is uncertain and names each of them.
 */
final class AllOf {
  /** What is unresolved, grouped by what it depends on, so one shared cause is named once. */
  private final Map<String, List<String>> byCause = new LinkedHashMap<>();
  private final List<String> phrased = new ArrayList<>();
  private boolean cleared;

  /** A condition known not to hold: nothing to report. */
  AllOf clear() {
    cleared = true;
    return this;
  }

  /** A condition that depends on {@code v}; {@code what} is completed with "depends on <reason>". */
  AllOf unknown(Value v, String what) {
    byCause.computeIfAbsent(Values.why(v), k -> new ArrayList<>()).add(what);
    return this;
  }

  /** A condition the scan cannot decide, phrased in full. */
  AllOf unknown(String text) {
    phrased.add(text);
    return this;
  }

  boolean cleared() {
    return cleared;
  }

  boolean certain() {
    return !cleared && byCause.isEmpty() && phrased.isEmpty();
  }

  String unresolved() {
    List<String> parts = new ArrayList<>();
    byCause.forEach((cause, whats) -> parts.add(String.join(", ", whats) + (whats.size() == 1 ? " depends on "
        : " depend on ") + cause));
    parts.addAll(phrased);
    return String.join("; ", parts);
  }
}
