package io.spofscan.rules.support;

import io.spofscan.core.model.Attr;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The reasons one resource is a single point of failure, collected attribute by attribute and reported as one
 * finding (one root cause, one finding): definite problems make a definite finding at the first one; when there is
 * none, unresolved attributes make one uncertain finding naming what they depend on.
 */
public final class Verdict {
  private record Problem(Value where, String text) {}

  private final Resource resource;
  private final List<Problem> definite = new ArrayList<>();
  private final List<Problem> unknown = new ArrayList<>();

  private Verdict(Resource resource) {
    this.resource = resource;
  }

  public static Verdict of(Resource r) {
    return new Verdict(r);
  }

  public Resource resource() {
    return resource;
  }

  public boolean hasDefinite() {
    return !definite.isEmpty();
  }

  /** A definite problem located at {@code where} (the resource header when absent). */
  public Verdict definite(Value where, String text, Object... args) {
    definite.add(new Problem(where, String.format(Locale.ROOT, text, args)));
    return this;
  }

  /** An unresolved value; the text is completed with "depends on <reason>". */
  public Verdict unknown(Value where, String what) {
    unknown.add(new Problem(where, what + " depends on " + Values.why(where)));
    return this;
  }

  /** A boolean attribute that provides redundancy when true ({@code whenAbsent} is the provider default). */
  public Verdict requireTrue(Attr attr, boolean whenAbsent, String whenFalse) {
    Value v = resource.attr(attr);
    Truth t = v.truth(whenAbsent);
    if (t == Truth.FALSE) {
      definite(v, "%s (%s)", whenFalse, v.isAbsent() || v.isNull() ? spelled(attr) + " not set, default false"
          : spelled(attr) + " = false");
    } else if (t == Truth.UNKNOWN) {
      unknown(v, spelled(attr));
    }
    return this;
  }

  /** A boolean attribute that removes redundancy when true. */
  public Verdict requireFalse(Attr attr, boolean whenAbsent, String whenTrue) {
    Value v = resource.attr(attr);
    Truth t = v.truth(whenAbsent);
    if (t == Truth.TRUE) {
      definite(v, "%s (%s)", whenTrue, v.isAbsent() || v.isNull() ? spelled(attr) + " not set, default true"
          : spelled(attr) + " = true");
    } else if (t == Truth.UNKNOWN) {
      unknown(v, spelled(attr));
    }
    return this;
  }

  /**
   * A count that must reach {@code min}; {@code whenAbsent} is the provider default, or negative when an absent
   * attribute is not judged. Returns the known count, if any.
   */
  public OptionalLong atLeast(Attr attr, long whenAbsent, long min, String noun) {
    Value v = resource.attr(attr);
    if ((v.isAbsent() || v.isNull()) && whenAbsent < 0) {
      return OptionalLong.empty();
    }
    if (v.isUnknown()) {
      unknown(v, "its " + noun + " count (" + spelled(attr) + ")");
      return OptionalLong.empty();
    }
    OptionalLong n = Values.longOr(v, whenAbsent);
    if (n.isEmpty()) {
      return n; // not a number: the provider rejects it, nothing to judge
    }
    if (n.getAsLong() < min) {
      definite(v, "it has %s (%s%s)", Values.plural(n.getAsLong(), noun), spelled(attr),
          v.isAbsent() || v.isNull() ? " not set, default " + whenAbsent : " = " + n.getAsLong());
    }
    return n;
  }

  /** A list (subnets, zones, mappings) that puts everything in one place when it has exactly one item. */
  public Verdict moreThanOne(Attr attr, String noun, String consequence) {
    return moreThanOne(resource.attr(attr), spelled(attr), noun, consequence);
  }

  /** As {@link #moreThanOne(Attr, String, String)} for a value already read (e.g. one of two spellings). */
  public Verdict moreThanOne(Value v, String spelled, String noun, String consequence) {
    if (v.isUnknown()) {
      unknown(v, "its " + noun + "s (" + spelled + ")");
    } else if (v instanceof Value.ListValue l) {
      if (l.items().size() == 1) {
        definite(v, "it has a single %s (%s)%s", noun, spelled, consequence.isEmpty() ? "" : ": " + consequence);
      }
    } else if (v instanceof Value.Scalar s && s.value() instanceof String str && !str.isEmpty()) {
      definite(v, "it has a single %s (%s)%s", noun, spelled, consequence.isEmpty() ? "" : ": " + consequence);
    }
    return this;
  }

  /**
   * A text attribute whose value (case-insensitive) is one of {@code bad}; {@code whenAbsent} is the provider
   * default (null when an absent attribute is not judged). Returns the known lower-cased value, or empty.
   */
  public String oneOf(Attr attr, String whenAbsent, Set<String> bad, String why) {
    Value v = resource.attr(attr);
    if (v.isUnknown()) {
      unknown(v, spelled(attr));
      return "";
    }
    String value = v.isAbsent() || v.isNull() ? whenAbsent : Values.lower(v).orElse(null);
    if (value == null) {
      return "";
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (bad.contains(lower)) {
      definite(v, "%s (%s %s)", why, spelled(attr), v.isAbsent() || v.isNull() ? "not set, default " + whenAbsent
          : "= " + v.asString().orElse(value));
    }
    return lower;
  }

  public String spelled(Attr attr) {
    return attr.spelledIn(resource.format());
  }

  /**
   * Report one finding: "{address} {definiteLead}: problems" or "{address} {unknownLead}: unknowns".
   *
   * @return whether anything was reported
   */
  public boolean report(Reporter report, String definiteLead, String unknownLead) {
    if (!definite.isEmpty()) {
      report.at(resource, definite.get(0).where(), "%s %s: %s", resource.address(), definiteLead, join(definite));
      return true;
    }
    if (!unknown.isEmpty()) {
      report.unknown(resource, unknown.get(0).where(), "%s %s: %s", resource.address(), unknownLead,
          join(unknown));
      return true;
    }
    return false;
  }

  private static String join(List<Problem> problems) {
    return String.join("; ", problems.stream().map(Problem::text).toList());
  }
}
