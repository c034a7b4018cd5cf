package io.spofscan.rules.compute;

import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.rules.support.Values;
import java.util.OptionalLong;

/** The shared check of groups of machines: a minimum size below 2, or every machine in one subnet or zone. */
final class Capacity {
  private Capacity() {}

  /**
   * @param whenMinAbsent the provider's default minimum, or -1 when the attribute is required (then not judged)
   */
  static void check(Resource r, Reporter report, String what, String unit, Value min, long whenMinAbsent,
      Value max, Value placement) {
    if (max.asLong().isPresent() && max.asLong().getAsLong() == 0) {
      return; // switched off on purpose
    }
    OptionalLong n = min.isAbsent() && whenMinAbsent < 0 ? OptionalLong.empty() : Values.longOr(min, whenMinAbsent);
    if (min.isUnknown()) {
      report.unknown(r, min, "%s may run a single %s: its minimum size depends on %s", r.address(), unit,
          Values.why(min));
      return;
    }
    if (n.isPresent() && n.getAsLong() < 2) {
      report.at(r, min, "%s (%s) has a minimum size of %d%s: it may shrink to %s, and losing that %s stops "
          + "everything on it", r.address(), what, n.getAsLong(), min.isAbsent() ? " (not set, default)" : "",
          n.getAsLong() == 0 ? "no " + unit + " or one" : "a single " + unit, unit);
      return;
    }
    if (placement instanceof Value.ListValue l && l.items().size() == 1) {
      report.at(r, placement, "%s places every %s in a single subnet or zone: that Availability Zone's outage "
          + "stops all of them", r.address(), unit);
    } else if (placement.isUnknown()) {
      report.unknown(r, placement, "%s may place every %s in one Availability Zone: its subnets depend on %s",
          r.address(), unit, Values.why(placement));
    }
  }
}
