package io.spofscan.cli;

import io.spofscan.core.graph.Flow;
import io.spofscan.core.model.Model;
import io.spofscan.rules.graph.Flows;
import java.util.List;
import java.util.Map;

/**
 * A flow named in {@code .spofscan.yml}: {@code flows: {checkout: {entry: aws_route53_record.www, critical: true}}},
 * or {@code checkout: shop.example.net} for just the entry. The entry is a resource address or a host name that a DNS
 * record, CDN, Ingress or route of the scan serves.
 *
 * @param where the file:line:column of the flow's name, for errors
 */
record ConfigFlow(String name, String entry, boolean critical, String where) {

  static ConfigFlow read(String name, LocatedYaml.Node v) {
    if (v.value() instanceof String s) {
      return new ConfigFlow(name, entry(s, v), false, v.at());
    }
    String entry = null;
    boolean critical = false;
    for (Map.Entry<String, LocatedYaml.Node> e : v.map().entrySet()) {
      switch (e.getKey()) {
        case "entry" -> entry = entry(e.getValue().text(), e.getValue());
        case "critical" -> critical = SpofscanConfig.bool(e.getValue());
        default -> throw new UserError(e.getValue().at() + ": unknown key '" + e.getKey()
            + "' (expected one of: entry, critical)");
      }
    }
    if (entry == null) {
      throw new UserError(v.at() + ": flow '" + name + "' needs an entry (a resource address or a host name)");
    }
    return new ConfigFlow(name, entry, critical, v.at());
  }

  private static String entry(String s, LocatedYaml.Node at) {
    if (s.isBlank()) {
      throw new UserError(at.at() + ": a flow's entry is a resource address or a host name, not empty");
    }
    return s.trim();
  }

  Flows.Named named() {
    return new Flows.Named(name, entry, critical);
  }

  /** The flows of the scan, configured ones first; a configured entry that matches nothing is a configuration error. */
  static List<Flow> flows(Model model, List<ConfigFlow> configured) {
    List<Flows.Named> named = configured.stream().map(ConfigFlow::named).toList();
    List<Flows.Named> unmatched = Flows.unmatched(model, named);
    if (!unmatched.isEmpty()) {
      ConfigFlow c = configured.get(named.indexOf(unmatched.get(0)));
      throw new UserError(c.where() + ": flow '" + c.name() + "': entry '" + c.entry() + "' is neither a resource "
          + "address nor a host name served by a DNS record, CDN, Ingress or route in the scan");
    }
    return Flows.of(model, named);
  }
}
