package io.spofscan.rules.k8s;

import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Kubernetes label selection, three-valued: a selector or label that is unresolved gives UNKNOWN. */
public final class Selectors {
  private Selectors() {}

  /**
   * A {@code LabelSelector} ({@code matchLabels} AND {@code matchExpressions}) against pod labels. An absent
   * selector selects nothing; an empty one selects everything, as {@code policy/v1} defines it.
   */
  public static Truth labelSelector(Value selector, Value labels) {
    if (selector.isUnknown()) {
      return Truth.UNKNOWN;
    }
    if (selector.isAbsent() || selector.isNull()) {
      return Truth.FALSE;
    }
    Truth result = plainSelector(selector.get("matchLabels"), labels, true);
    for (Value expr : selector.get("matchExpressions").items()) {
      result = result.and(expression(expr, labels));
    }
    if (selector.get("matchExpressions").isUnknown()) {
      result = result.and(Truth.UNKNOWN);
    }
    return result;
  }

  /** A plain equality selector (a Service's {@code spec.selector}, a {@code matchLabels} map). */
  public static Truth plainSelector(Value selector, Value labels, boolean emptySelectsAll) {
    if (selector.isUnknown() || labels.isUnknown()) {
      return Truth.UNKNOWN;
    }
    if (selector.entries().isEmpty()) {
      return Truth.of(emptySelectsAll);
    }
    Truth result = Truth.TRUE;
    for (var e : selector.entries().entrySet()) {
      Value want = e.getValue();
      Value have = labels.get(e.getKey());
      if (want.isUnknown() || have.isUnknown()) {
        result = result.and(Truth.UNKNOWN);
      } else {
        result = result.and(Truth.of(have.isKnown() && want.asString().equals(have.asString())));
      }
    }
    return result;
  }

  private static Truth expression(Value expr, Value labels) {
    Value key = expr.get("key");
    Value op = expr.get("operator");
    if (!key.isKnown() || !op.isKnown() || labels.isUnknown()) {
      return Truth.UNKNOWN;
    }
    Value have = labels.get(key.asString().orElse(""));
    if (have.isUnknown()) {
      return Truth.UNKNOWN;
    }
    boolean exists = have.isKnown();
    String operator = op.asString().orElse("");
    if (operator.equals("Exists")) {
      return Truth.of(exists);
    }
    if (operator.equals("DoesNotExist")) {
      return Truth.of(!exists);
    }
    Value values = expr.get("values");
    if (values.isUnknown()) {
      return Truth.UNKNOWN;
    }
    Set<String> allowed = new HashSet<>();
    for (Value v : values.items()) {
      Optional<String> s = v.asString();
      if (s.isEmpty()) {
        return Truth.UNKNOWN;
      }
      allowed.add(s.get());
    }
    boolean in = exists && allowed.contains(have.asString().orElse(""));
    return switch (operator) {
      case "In" -> Truth.of(in);
      case "NotIn" -> Truth.of(!in);
      default -> Truth.UNKNOWN;
    };
  }
}
