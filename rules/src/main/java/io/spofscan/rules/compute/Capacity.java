package io.spofscan.rules.compute;

import io.spofscan.core.model.DeployZone;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.rules.support.Values;
import java.util.OptionalLong;

/** The shared check of groups of machines: a size that may be 1, or every machine in one subnet or zone. */
final class Capacity {
  private Capacity() {}

  /**
   * The group's size attributes as written.
   *
   * @param whenMinAbsent the provider's default minimum, or -1 when the attribute is required (then not judged)
   * @param desired the desired size (absent: the minimum)
   * @param desiredDecides whether the desired size is what runs: nothing in the scan scales the group, so it
   *     stays at its desired size whatever its minimum
   */
  record Size(Value min, long whenMinAbsent, Value max, Value desired, boolean desiredDecides) {}

  static void check(Resource r, Reporter report, String what, String unit, Size size, Value placement) {
    Value min = size.min();
    Value max = size.max();
    OptionalLong maxN = max.asLong();
    if (maxN.isPresent() && maxN.getAsLong() == 0) {
      return; // switched off on purpose
    }
    if (maxN.isPresent() && maxN.getAsLong() == 1) {
      // Whatever the minimum says, the group never runs more than one.
      report.at(r, max, "%s (%s) runs at most one %s (maximum size 1): losing that %s stops everything on it, and "
          + "the group cannot scale out to share the load", r.address(), what, unit, unit);
      return;
    }
    if (min.isUnknown()) {
      report.unknown(r, min, "%s may run a single %s: its minimum size depends on %s", r.address(), unit,
          Values.why(min));
      return;
    }
    OptionalLong n = min.isAbsent() && size.whenMinAbsent() < 0 ? OptionalLong.empty()
        : Values.longOr(min, size.whenMinAbsent());
    if (n.isPresent() && n.getAsLong() < 2) {
      Value desired = size.desired();
      OptionalLong d = desired.isAbsent() ? n : desired.asLong();
      if (size.desiredDecides() && desired.isUnknown()) {
        report.unknown(r, desired, "%s (%s) keeps its desired capacity, which depends on %s (minimum %d, and "
            + "nothing in the scan scales it): it runs a single %s if that is below 2", r.address(), what,
            Values.why(desired), n.getAsLong(), unit);
        return;
      }
      if (size.desiredDecides() && d.isPresent() && d.getAsLong() >= 2) {
        judgePlacement(r, report, unit, placement); // nothing scales it below its desired capacity
        return;
      }
      if (d.isPresent() && d.getAsLong() < 2) {
        report.at(r, d.getAsLong() == 0 ? min : desired.isAbsent() ? min : desired, "%s (%s) runs %s (desired "
            + "size %d%s, minimum %d%s): losing that %s stops everything on it", r.address(), what,
            d.getAsLong() == 0 ? "no " + unit + " or a single one" : "a single " + unit, d.getAsLong(),
            desired.isAbsent() ? ", not set: the minimum" : "", n.getAsLong(),
            min.isAbsent() ? ", not set, default" : "", unit);
        return;
      }
      report.at(r, min, "%s (%s) has a minimum size of %d%s: it may shrink to %s, and losing that %s stops "
          + "everything on it", r.address(), what, n.getAsLong(), min.isAbsent() ? " (not set, default)" : "",
          n.getAsLong() == 0 ? "no " + unit + " or one" : "a single " + unit, unit);
      return;
    }
    judgePlacement(r, report, unit, placement);
  }

  private static void judgePlacement(Resource r, Reporter report, String unit, Value placement) {
    if (placement instanceof Value.ListValue l && l.items().size() == 1) {
      report.at(r, placement, "%s places every %s in a single subnet or zone: that Availability Zone's outage "
          + "stops all of them", r.address(), unit);
    } else if (placement.isUnknown() && DeployZone.of(placement).filter(DeployZone::isAll).isEmpty()) {
      // Fn::GetAZs is every zone of the region (at least two everywhere): only other unknowns stay unknown
      report.unknown(r, placement, "%s may place every %s in one Availability Zone: its subnets depend on %s",
          r.address(), unit, Values.why(placement));
    }
  }
}
