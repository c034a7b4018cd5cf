package io.spofscan.rules.support;

import io.spofscan.core.model.DeployZone;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The distinct Availability Zones among zone values: written names ("eu-west-1a"), and zones picked by index from a
 * region's deploy-time list ({@code Fn::Select [i, Fn::GetAZs '']}), which differ from each other by index. A name
 * and a pick may be the same zone, so the two kinds are never added up.
 */
public final class Zones {
  private final Set<String> named = new TreeSet<>();
  private final Map<String, Set<Integer>> picked = new TreeMap<>();
  private Value firstPick;

  /** Adds a zone; false when the value names no zone that can be compared (unknown or not a string). */
  public boolean add(Value zone) {
    Optional<DeployZone> deploy = DeployZone.of(zone).filter(z -> !z.isAll());
    if (deploy.isPresent()) {
      picked.computeIfAbsent(deploy.get().region(), r -> new TreeSet<>()).add(deploy.get().index());
      firstPick = firstPick == null ? zone : firstPick;
      return true;
    }
    Optional<String> name = zone.asString().filter(s -> !s.isEmpty());
    name.ifPresent(named::add);
    return name.isPresent();
  }

  /** How many zones are certainly different. */
  public int distinct() {
    int most = named.size();
    for (Set<Integer> indexes : picked.values()) {
      most = Math.max(most, indexes.size());
    }
    return most;
  }

  /** Names and picks together, so whether they overlap is unknown. */
  public boolean mixed() {
    return (named.isEmpty() ? 0 : 1) + picked.size() > 1;
  }

  public Optional<Value> firstDeployZone() {
    return Optional.ofNullable(firstPick);
  }

  /** "eu-west-1a, eu-west-1b" or "zone 0, zone 1 of the stack's region". */
  public String names() {
    List<String> parts = new ArrayList<>(named);
    for (Map.Entry<String, Set<Integer>> e : picked.entrySet()) {
      Set<String> zones = new LinkedHashSet<>();
      e.getValue().forEach(i -> zones.add("zone " + i));
      parts.add(String.join(", ", zones) + " of " + (e.getKey().isEmpty() ? "the stack's region"
          : "region " + e.getKey()));
    }
    return String.join(", ", parts);
  }
}
