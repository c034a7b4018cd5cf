package io.spofscan.rules.support;

import io.spofscan.core.model.DeployZone;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Availability Zones among the zones of several resources: written names ("eu-west-1a"); zones picked by index
 * from a region's deploy-time list ({@code Fn::Select [i, Fn::GetAZs '']}), which differ from each other by index;
 * and unresolved values, where the same unresolved value (one parameter) is one zone. A name, a pick and an
 * unresolved value may be the same zone, so only zones of one kind count as certainly different.
 */
public final class Zones {
  private final Set<String> named = new TreeSet<>();
  private final Map<String, Set<Integer>> picked = new TreeMap<>();
  /** Unresolved zones (and resources that may not exist) by what they depend on. */
  private final Map<String, Value> unresolved = new LinkedHashMap<>();
  private final List<Value[]> maybe = new ArrayList<>();
  private Value firstPick;

  /** A zone of a resource that certainly exists; absent and empty zones (chosen by AWS) are ignored. */
  public void add(Value zone) {
    Optional<DeployZone> deploy = DeployZone.of(zone).filter(z -> !z.isAll());
    if (deploy.isPresent()) {
      picked.computeIfAbsent(deploy.get().region(), r -> new TreeSet<>()).add(deploy.get().index());
      firstPick = firstPick == null ? zone : firstPick;
    } else if (zone.isUnknown()) {
      unresolved.putIfAbsent(zone.unknownReason().orElse(""), zone);
    } else {
      zone.asString().filter(s -> !s.isEmpty()).ifPresent(named::add);
    }
  }

  /** The zone of a resource that may not exist ({@code existence} says why): it may add a zone, or not. */
  public void addMaybe(Value zone, Value existence) {
    maybe.add(new Value[] {zone, existence});
  }

  /** How many zones are certainly different. */
  public int distinct() {
    int most = named.size();
    for (Set<Integer> indexes : picked.values()) {
      most = Math.max(most, indexes.size());
    }
    return most;
  }

  /** Whether the zones may be two or more: unresolved ones may differ from each other and from the rest. */
  public boolean mayBeSeveral() {
    int picks = picked.values().stream().mapToInt(Set::size).sum();
    Set<String> extra = new TreeSet<>();
    uncoveredMaybe().forEach(m -> extra.add(key(m[0])));
    boolean uncertain = !unresolved.isEmpty() || !extra.isEmpty();
    return uncertain && named.size() + picks + unresolved.size() + extra.size() >= 2
        || distinct() < named.size() + picks;
  }

  /** What the answer depends on: an unresolved zone, a resource that may not exist, or a deploy-time pick. */
  public Value why() {
    Optional<Value> first = unresolved.values().stream().findFirst()
        .or(() -> uncoveredMaybe().stream().findFirst().map(m -> m[1]));
    return first.orElse(firstPick == null ? Value.absent() : firstPick);
  }

  /** Resources that may not exist whose zone is none of the certain ones. */
  private List<Value[]> uncoveredMaybe() {
    List<Value[]> out = new ArrayList<>();
    for (Value[] m : maybe) {
      Optional<DeployZone> pick = DeployZone.of(m[0]).filter(z -> !z.isAll());
      boolean covered = pick.isPresent()
          ? picked.getOrDefault(pick.get().region(), Set.of()).contains(pick.get().index())
          : m[0].isUnknown() ? unresolved.containsKey(m[0].unknownReason().orElse(""))
          : m[0].asString().map(named::contains).orElse(true);
      if (!covered) {
        out.add(m);
      }
    }
    return out;
  }

  private static String key(Value zone) {
    return DeployZone.of(zone).map(DeployZone::describe)
        .orElse(zone.asString().orElse(zone.unknownReason().orElse("")));
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
