package io.spofscan.core.report;

import io.spofscan.core.graph.Flow;
import io.spofscan.core.graph.Node;
import io.spofscan.core.json.Json;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flows of a scan as a readable tree (text), as data (JSON), and as pictures (Mermaid, Graphviz DOT): each
 * flow's chain from its entry point, the SPOFs on it (nodes with a finding, marked with rule ids and fixes), then
 * the flows without SPOFs.
 */
public final class FlowsReport {
  /** Nodes a picture shows per flow; beyond it the picture says how many it left out. */
  static final int PICTURE_CAP = 60;

  private final List<Flow> flows;
  private final Map<String, List<Finding>> findingsByResource = new LinkedHashMap<>();
  private final Map<String, RuleMeta> rules = new LinkedHashMap<>();

  public FlowsReport(List<Flow> flows, List<Finding> findings, List<RuleMeta> metas) {
    this.flows = List.copyOf(flows);
    for (Finding f : findings) {
      findingsByResource.computeIfAbsent(key(f.resourceAddress(), f.location().path()), k -> new ArrayList<>())
          .add(f);
    }
    metas.forEach(m -> rules.put(m.id(), m));
  }

  private static String key(String address, String path) {
    return address + "|" + path;
  }

  /** The findings of a hop (a finding belongs to the resource at its address, in its file). */
  public List<Finding> findingsOf(Node n) {
    if (!n.isResource()) {
      return List.of();
    }
    return findingsByResource.getOrDefault(key(n.resource().address(), n.resource().path()), List.of());
  }

  public boolean hasSpof(Flow f) {
    return f.steps().stream().anyMatch(s -> !findingsOf(s.node()).isEmpty());
  }

  private List<Flow> ordered() {
    List<Flow> out = new ArrayList<>(flows.stream().filter(this::hasSpof).toList());
    out.addAll(flows.stream().filter(f -> !hasSpof(f)).toList());
    return out;
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    long withSpof = flows.stream().filter(this::hasSpof).count();
    out.append(flows.size()).append(flows.size() == 1 ? " flow" : " flows").append(", ").append(withSpof)
        .append(" with a single point of failure\n");
    boolean headerWithout = false;
    for (Flow f : ordered()) {
      if (!hasSpof(f) && !headerWithout) {
        out.append("\nflows without a SPOF in the scan:\n");
        headerWithout = true;
      }
      out.append("\nflow ").append(f.name()).append(f.critical() ? " (critical)" : "").append('\n');
      for (int i : depthFirst(f)) {
        Flow.Step s = f.steps().get(i);
        out.append("  ").append("   ".repeat(s.depth()));
        if (s.via() != null) {
          out.append("└─ ").append(s.via().kind().label()).append(s.via().certain() ? " " : " (uncertain) ");
        }
        out.append(s.node().label());
        s.node().location().ifPresent(l -> out.append("  (").append(l).append(')'));
        if (s.node().isUnknown()) {
          out.append("  [unknown: ").append(s.node().reason()).append(']');
        }
        for (Finding x : findingsOf(s.node())) {
          out.append("\n  ").append("   ".repeat(s.depth() + 1)).append("SPOF ").append(x.ruleId())
              .append(x.certain() ? "" : " (unknown)").append(": ").append(x.message());
          RuleMeta m = rules.get(x.ruleId());
          if (m != null) {
            out.append("\n  ").append("   ".repeat(s.depth() + 1)).append("fix: ").append(m.remediation());
          }
        }
        out.append('\n');
      }
      if (f.truncated()) {
        out.append("  ... stopped after ").append(f.steps().size()).append(" hops\n");
      }
    }
    return out.toString();
  }

  /** Step indexes in tree order: each hop followed by the hops it reaches. */
  private static List<Integer> depthFirst(Flow f) {
    List<List<Integer>> children = new ArrayList<>();
    f.steps().forEach(s -> children.add(new ArrayList<>()));
    for (int i = 1; i < f.steps().size(); i++) {
      children.get(f.steps().get(i).parent()).add(i);
    }
    List<Integer> out = new ArrayList<>();
    java.util.Deque<Integer> stack = new java.util.ArrayDeque<>();
    stack.push(0);
    while (!stack.isEmpty()) {
      int i = stack.pop();
      out.add(i);
      List<Integer> c = children.get(i);
      for (int k = c.size() - 1; k >= 0; k--) {
        stack.push(c.get(k));
      }
    }
    return out;
  }

  public String json() {
    List<Object> out = new ArrayList<>();
    for (Flow f : ordered()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("critical", f.critical());
      m.put("entry", f.entry().id());
      m.put("hasSpof", hasSpof(f));
      m.put("truncated", f.truncated());
      List<Object> hops = new ArrayList<>();
      for (int i = 0; i < f.steps().size(); i++) {
        Flow.Step s = f.steps().get(i);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("node", s.node().id());
        h.put("type", s.node().type().name().toLowerCase(java.util.Locale.ROOT));
        if (s.node().isResource()) {
          h.put("resourceType", s.node().resource().type());
          h.put("location", location(s.node().resource().range()));
        }
        if (s.node().isUnknown()) {
          h.put("reason", s.node().reason());
        }
        if (s.via() != null) {
          h.put("from", f.steps().get(s.parent()).node().id());
          h.put("edge", s.via().kind().label());
          h.put("edgeLocation", location(s.via().at()));
          h.put("certain", s.via().certain());
        }
        List<Object> spofs = new ArrayList<>();
        for (Finding x : findingsOf(s.node())) {
          spofs.add(Map.of("ruleId", x.ruleId(), "certain", x.certain(), "message", x.message()));
        }
        if (!spofs.isEmpty()) {
          h.put("spofs", spofs);
        }
        hops.add(h);
      }
      m.put("hops", hops);
      out.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("flows", out);
    return Json.write(root) + "\n";
  }

  private static Map<String, Object> location(io.spofscan.core.model.SourceRange r) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("path", r.path());
    l.put("line", r.line());
    l.put("column", r.column());
    return l;
  }

  /** Mermaid flowchart, one subgraph per flow, SPOF nodes highlighted (GitHub renders it in markdown). */
  public String mermaid() {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    List<String> spofNodes = new ArrayList<>();
    int flowIndex = 0;
    for (Flow f : ordered()) {
      flowIndex++;
      out.append("  subgraph f").append(flowIndex).append("[\"").append(mermaidText(f.name())).append("\"]\n");
      int shown = Math.min(PICTURE_CAP, f.steps().size());
      for (int i = 0; i < shown; i++) {
        Flow.Step s = f.steps().get(i);
        String id = "f" + flowIndex + "n" + i;
        List<Finding> fs = findingsOf(s.node());
        String label = mermaidText(s.node().label()) + (fs.isEmpty() ? "" : "<br/>" + String.join(" ",
            fs.stream().map(Finding::ruleId).distinct().toList()));
        out.append("    ").append(id).append(s.node().isUnknown() ? "{{\"" : "[\"").append(label)
            .append(s.node().isUnknown() ? "\"}}" : "\"]").append('\n');
        if (!fs.isEmpty()) {
          spofNodes.add(id);
        }
        if (s.via() != null) {
          out.append("    f").append(flowIndex).append('n').append(s.parent()).append(s.via().certain() ? " -->|"
              : " -.->|").append(s.via().kind().label()).append("| ").append(id).append('\n');
        }
      }
      if (f.steps().size() > shown) {
        out.append("    f").append(flowIndex).append("more[\"... ").append(f.steps().size() - shown)
            .append(" more hops\"]\n");
      }
      out.append("  end\n");
    }
    if (!spofNodes.isEmpty()) {
      out.append("  classDef spof fill:#fdd,stroke:#c00,stroke-width:2px\n");
      out.append("  class ").append(String.join(",", spofNodes)).append(" spof\n");
    }
    return out.toString();
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }

  /** Graphviz DOT, one cluster per flow, SPOF nodes filled red. */
  public String dot() {
    StringBuilder out = new StringBuilder("digraph flows {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n");
    int flowIndex = 0;
    for (Flow f : ordered()) {
      flowIndex++;
      out.append("  subgraph cluster_").append(flowIndex).append(" {\n    label=").append(dotText(f.name()))
          .append(";\n");
      int shown = Math.min(PICTURE_CAP, f.steps().size());
      for (int i = 0; i < shown; i++) {
        Flow.Step s = f.steps().get(i);
        List<Finding> fs = findingsOf(s.node());
        String label = s.node().label() + (fs.isEmpty() ? "" : "\n" + String.join(" ",
            fs.stream().map(Finding::ruleId).distinct().toList()));
        out.append("    f").append(flowIndex).append('n').append(i).append(" [label=").append(dotText(label))
            .append(fs.isEmpty() ? "" : ", style=filled, fillcolor=\"#ffdddd\", color=\"#cc0000\"")
            .append(s.node().isUnknown() ? ", shape=hexagon, style=dashed" : "").append("];\n");
        if (s.via() != null) {
          out.append("    f").append(flowIndex).append('n').append(s.parent()).append(" -> f").append(flowIndex)
              .append('n').append(i).append(" [label=").append(dotText(s.via().kind().label()))
              .append(s.via().certain() ? "" : ", style=dashed").append("];\n");
        }
      }
      if (f.steps().size() > shown) {
        out.append("    f").append(flowIndex).append("more [label=").append(dotText("... "
            + (f.steps().size() - shown) + " more hops")).append("];\n");
      }
      out.append("  }\n");
    }
    return out.append("}\n").toString();
  }

  private static String dotText(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
