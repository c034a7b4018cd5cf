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
  /** Nodes all pictures of one output show together; the flows past it are named, not drawn. */
  static final int TOTAL_CAP = 400;
  /** Below Mermaid's default limit on the text of one diagram (50,000 characters), with room to spare. */
  static final int MERMAID_MAX_CHARS = 40_000;
  /** Diagrams a markdown report draws, one per flow: more would bury the findings table. */
  static final int MARKDOWN_DIAGRAMS = 10;

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
    StringBuilder out = new StringBuilder(summary()).append('\n');
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

  /**
   * The pictures drawn, in report order, until the total cap: a picture of every flow would not stay readable (nor
   * fit what GitHub renders) on a repository with hundreds of flows. The flows left out are named by {@link
   * #notDrawn}.
   */
  List<FlowPicture> pictures() {
    List<FlowPicture> out = new ArrayList<>();
    int total = 0;
    for (Flow f : ordered()) {
      FlowPicture p = FlowPicture.of(f, this::findingsOf, PICTURE_CAP);
      if (total + p.nodes().size() > TOTAL_CAP && !out.isEmpty()) {
        break;
      }
      out.add(p);
      total += p.nodes().size();
    }
    return out;
  }

  private List<String> notDrawn(List<FlowPicture> drawn) {
    return ordered().stream().skip(drawn.size()).map(Flow::name).toList();
  }

  private String summary() {
    long withSpof = flows.stream().filter(this::hasSpof).count();
    return flows.size() + (flows.size() == 1 ? " flow" : " flows") + ", " + withSpof
        + " with a single point of failure";
  }

  /** One self-contained HTML page: a picture per flow and the findings on them with their fixes. */
  public String html() {
    List<FlowPicture> drawn = pictures();
    return new FlowsHtml(rules).render(summary(), drawn, notDrawn(drawn));
  }

  /**
   * Mermaid flowchart, one subgraph per flow, SPOF nodes highlighted (GitHub renders it in markdown). Flows stop
   * before the text passes {@link #MERMAID_MAX_CHARS}: Mermaid refuses to draw a longer one.
   */
  public String mermaid() {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    List<String> spofNodes = new ArrayList<>();
    int drawn = 0;
    for (FlowPicture p : pictures()) {
      String f = "f" + (drawn + 1);
      List<String> spofs = new ArrayList<>();
      StringBuilder sub = new StringBuilder("  subgraph ").append(f).append("[\"").append(mermaidText(p.flow().name()))
          .append("\"]\n").append(mermaidNodes(p, f, "    ", spofs)).append("  end\n");
      int classLine = String.join(",", spofNodes).length() + String.join(",", spofs).length() + 80;
      if (drawn > 0 && out.length() + sub.length() + classLine > MERMAID_MAX_CHARS) {
        break;
      }
      out.append(sub);
      spofNodes.addAll(spofs);
      drawn++;
    }
    int rest = flows.size() - drawn;
    if (rest > 0) {
      out.append("  more[\"").append(rest).append(rest == 1 ? " more flow" : " more flows").append(" not shown\"]\n");
    }
    return out.append(mermaidSpofClass(spofNodes, "  ")).toString();
  }

  /** A picture's nodes and edges, ids prefixed so several pictures can share one diagram. */
  private static String mermaidNodes(FlowPicture p, String prefix, String indent, List<String> spofs) {
    StringBuilder out = new StringBuilder();
    for (FlowPicture.Box b : p.nodes()) {
      String id = prefix + "n" + b.index();
      boolean unknown = b.node().isUnknown();
      out.append(indent).append(id).append(unknown ? "{{\"" : "[\"").append(mermaidText(b.label()))
          .append(b.replicas() > 1 ? " ×" + b.replicas() : "")
          .append(b.spof() ? "<br/>" + String.join(" ", b.ruleIds()) : "").append(unknown ? "\"}}" : "\"]")
          .append('\n');
      if (b.spof()) {
        spofs.add(id);
      }
      if (b.parent() >= 0) {
        out.append(indent).append(prefix).append('n').append(b.parent()).append(b.certain() ? " -->|" : " -.->|")
            .append(b.edge()).append("| ").append(id).append('\n');
      }
    }
    if (p.hidden() > 0) {
      out.append(indent).append(prefix).append("more[\"").append(p.hidden()).append(" more not shown\"]\n");
    }
    return out.toString();
  }

  private static String mermaidSpofClass(List<String> spofNodes, String indent) {
    return spofNodes.isEmpty() ? "" : indent + "classDef spof fill:#fdd,stroke:#c00,stroke-width:2px\n" + indent
        + "class " + String.join(",", spofNodes) + " spof\n";
  }

  /**
   * The flows section of a markdown report (a step summary, a pull-request comment): the count, then one Mermaid
   * diagram per flow with a SPOF, critical flows first, at most {@link #MARKDOWN_DIAGRAMS}; empty without flows.
   */
  public String markdown() {
    if (flows.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("### Flows\n\n").append(summary()).append('.');
    List<Flow> withSpof = new ArrayList<>(ordered().stream().filter(this::hasSpof).toList());
    withSpof.sort(java.util.Comparator.comparing(f -> !f.critical()));
    if (!withSpof.isEmpty()) {
      out.append(" Each picture runs from the entry point (left) to what it reaches; SPOFs in red.");
    }
    out.append("\n\n");
    for (Flow f : withSpof.subList(0, Math.min(MARKDOWN_DIAGRAMS, withSpof.size()))) {
      FlowPicture p = FlowPicture.of(f, this::findingsOf, PICTURE_CAP);
      List<String> spofs = new ArrayList<>();
      out.append("**").append(MarkdownReport.cell(f.name())).append("**").append(f.critical() ? " (critical)" : "")
          .append("\n\n```mermaid\nflowchart LR\n").append(mermaidNodes(p, "", "  ", spofs))
          .append(mermaidSpofClass(spofs, "  ")).append("```\n\n");
    }
    if (withSpof.size() > MARKDOWN_DIAGRAMS) {
      out.append(withSpof.size() - MARKDOWN_DIAGRAMS).append(" more flows with a single point of failure are not "
          + "drawn here: `spofscan flows` lists them all.\n\n");
    }
    return out.toString();
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }

  /** Graphviz DOT, one cluster per flow, SPOF nodes filled red. */
  public String dot() {
    StringBuilder out = new StringBuilder("digraph flows {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n");
    List<FlowPicture> drawn = pictures();
    int flowIndex = 0;
    for (FlowPicture p : drawn) {
      flowIndex++;
      String f = "f" + flowIndex;
      out.append("  subgraph cluster_").append(flowIndex).append(" {\n    label=").append(dotText(p.flow().name()))
          .append(";\n");
      for (FlowPicture.Box b : p.nodes()) {
        String label = b.label() + (b.replicas() > 1 ? " ×" + b.replicas() : "")
            + (b.spof() ? "\n" + String.join(" ", b.ruleIds()) : "");
        out.append("    ").append(f).append('n').append(b.index()).append(" [label=").append(dotText(label))
            .append(b.spof() ? ", style=filled, fillcolor=\"#ffdddd\", color=\"#cc0000\"" : "")
            .append(b.node().isUnknown() ? ", shape=hexagon, style=dashed" : "").append("];\n");
        if (b.parent() >= 0) {
          out.append("    ").append(f).append('n').append(b.parent()).append(" -> ").append(f).append('n')
              .append(b.index()).append(" [label=").append(dotText(b.edge()))
              .append(b.certain() ? "" : ", style=dashed").append("];\n");
        }
      }
      if (p.hidden() > 0) {
        out.append("    ").append(f).append("more [label=").append(dotText(p.hidden() + " more not shown"))
            .append("];\n");
      }
      out.append("  }\n");
    }
    List<String> rest = notDrawn(drawn);
    if (!rest.isEmpty()) {
      out.append("  more [label=").append(dotText(rest.size() + (rest.size() == 1 ? " more flow" : " more flows")
          + " not shown")).append("];\n");
    }
    return out.append("}\n").toString();
  }

  private static String dotText(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
