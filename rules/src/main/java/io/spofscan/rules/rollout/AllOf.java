package io.spofscan.rules.rollout;

import io.spofscan.core.model.Value;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions that together make a rollout take everything down at once. One known-false condition clears the
 * resource; when none is false but some are unresolved, the finding is uncertain and names each of them.
 */
final class AllOf {
  private final List<String> unresolved = new ArrayList<>();
  private boolean cleared;

  /** A condition known not to hold: nothing to report. */
  AllOf clear() {
    cleared = true;
    return this;
  }

  /** A condition that depends on {@code v}; {@code what} is completed with "depends on <reason>". */
  AllOf unknown(Value v, String what) {
    unresolved.add(what + " depends on " + Values.why(v));
    return this;
  }

  /** A condition the scan cannot decide, phrased in full. */
  AllOf unknown(String text) {
    unresolved.add(text);
    return this;
  }

  boolean cleared() {
    return cleared;
  }

  boolean certain() {
    return !cleared && unresolved.isEmpty();
  }

  String unresolved() {
    return String.join("; ", unresolved);
  }
}
