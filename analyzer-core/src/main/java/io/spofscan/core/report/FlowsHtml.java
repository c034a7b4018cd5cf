package io.spofscan.core.report;

import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flows as one self-contained HTML page: per flow an inline SVG tree laid out left to right (entry first, one
 * column per hop), SPOF nodes in red and linked to their row in the findings table below (file:line, rule, fix).
 * Nothing is loaded when the page opens: no script, no external style, font or image, and a Content Security Policy
 * that forbids them, because a report opened from a CI artifact must not call anywhere.
 */
final class FlowsHtml {
  /** Twice the advance of one character of the 12px monospace font, in pixels. */
  private static final int TWO_CHARS = 15;
  private static final int MAX_LABEL = 40;
  private static final int BOX_HEIGHT = 40;
  private static final int ROW = 56;
  private static final int GAP = 80;
  private static final int PAD = 12;

  private final Map<String, RuleMeta> rules;
  /** Every finding drawn, once, with the flows it is on: the table's rows. */
  private final Map<Finding, List<String>> rows = new LinkedHashMap<>();
  private final Map<Finding, Integer> rowIds = new java.util.HashMap<>();

  FlowsHtml(Map<String, RuleMeta> rules) {
    this.rules = rules;
  }

  String render(String summary, List<FlowPicture> pictures, List<String> notDrawn) {
    for (FlowPicture p : pictures) {
      for (FlowPicture.Box b : p.nodes()) {
        for (Finding f : b.findings()) {
          rowIds.putIfAbsent(f, rowIds.size() + 1);
          List<String> on = rows.computeIfAbsent(f, k -> new ArrayList<>());
          if (!on.contains(p.flow().name())) {
            on.add(p.flow().name());
          }
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>spofscan flows</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>spofscan flows</h1>\n<p class=\"summary\">").append(esc(summary)).append("</p>\n")
        .append("<p class=\"key\">Each flow runs from its entry point (left) to everything it reaches. "
            + "<span class=\"k-spof\">Red</span>: a single point of failure, linked to its fix below; "
            + "<span class=\"k-unknown\">dashed</span>: a reference the scan could not resolve, or an edge that "
            + "may not hold; ×N: N identical replicas drawn as one.</p>\n");
    for (int i = 0; i < pictures.size(); i++) {
      flow(out, pictures.get(i), i + 1);
    }
    if (!notDrawn.isEmpty()) {
      out.append("<p class=\"more\">").append(notDrawn.size()).append(notDrawn.size() == 1 ? " more flow" : " more flows")
          .append(" not drawn: ").append(esc(String.join(", ", notDrawn))).append("</p>\n");
    }
    findings(out);
    return out.append("</body>\n</html>\n").toString();
  }

  private void flow(StringBuilder out, FlowPicture p, int n) {
    out.append("<section class=\"flow\" id=\"flow-").append(n).append("\">\n<h2>").append(esc(p.flow().name()))
        .append(p.flow().critical() ? " <span class=\"tag\">critical</span>" : "")
        .append(p.spof() ? "" : " <span class=\"tag ok\">no SPOF found</span>").append("</h2>\n");
    Layout l = new Layout(p);
    out.append("<div class=\"scroll\"><svg class=\"graph\" role=\"img\" aria-label=\"").append(esc("flow " + p.flow().name()))
        .append("\" width=\"").append(l.width).append("\" height=\"").append(l.height).append("\" viewBox=\"0 0 ")
        .append(l.width).append(' ').append(l.height).append("\">\n<defs><marker id=\"arrow-").append(n)
        .append("\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
        .append("<path d=\"M0,0 L8,4 L0,8 z\" class=\"head\"/></marker></defs>\n");
    for (FlowPicture.Box b : p.nodes()) {
      if (b.parent() < 0) {
        continue;
      }
      int x1 = l.x[b.parent()] + l.w[b.parent()];
      int y1 = l.y[b.parent()] + BOX_HEIGHT / 2;
      int x2 = l.x[b.index()];
      int y2 = l.y[b.index()] + BOX_HEIGHT / 2;
      int mid = (x1 + x2) / 2;
      out.append("<g class=\"edge").append(b.certain() ? "" : " uncertain").append("\"><path d=\"M").append(x1)
          .append(',').append(y1).append(" C").append(mid).append(',').append(y1).append(' ').append(mid).append(',')
          .append(y2).append(' ').append(x2).append(',').append(y2).append("\" marker-end=\"url(#arrow-").append(n)
          .append(")\"/><text x=\"").append(x2 - 6).append("\" y=\"").append(y2 - 5)
          .append("\" text-anchor=\"end\">").append(esc(b.edge())).append("</text></g>\n");
    }
    for (FlowPicture.Box b : p.nodes()) {
      box(out, b, l);
    }
    out.append("</svg></div>\n");
    if (p.hidden() > 0) {
      out.append("<p class=\"more\">").append(p.hidden()).append(" more not shown (a picture draws at most ")
          .append(FlowsReport.PICTURE_CAP).append(" nodes, SPOFs and the paths to them first)</p>\n");
    }
    if (p.flow().truncated()) {
      out.append("<p class=\"more\">The walk stopped after ").append(p.flow().steps().size()).append(" hops.</p>\n");
    }
    out.append("</section>\n");
  }

  private void box(StringBuilder out, FlowPicture.Box b, Layout l) {
    String kind = b.spof() ? "spof" : b.node().isUnknown() ? "unknown" : b.node().isResource() ? "resource"
        : "external";
    String second = b.spof() ? String.join(" ", b.ruleIds()) : b.node().isUnknown() ? "unknown" : "";
    if (b.replicas() > 1) {
      second = (second.isEmpty() ? "" : second + " ") + "×" + b.replicas();
    }
    StringBuilder tip = new StringBuilder(b.label());
    b.node().location().ifPresent(at -> tip.append("\n").append(at));
    if (b.node().isUnknown()) {
      tip.append("\n").append(b.node().reason());
    }
    b.findings().forEach(f -> tip.append("\n").append(f.ruleId()).append(": ").append(f.message()));
    int x = l.x[b.index()];
    int y = l.y[b.index()];
    boolean link = b.spof();
    if (link) {
      out.append("<a href=\"#spof-").append(rowIndex(b.findings().get(0))).append("\">");
    }
    out.append("<g class=\"node ").append(kind).append("\" data-node=\"").append(esc(b.node().id()))
        .append("\"><title>").append(esc(tip.toString())).append("</title><rect x=\"").append(x).append("\" y=\"")
        .append(y).append("\" width=\"").append(l.w[b.index()]).append("\" height=\"").append(BOX_HEIGHT)
        .append("\" rx=\"").append(b.node().isResource() ? 4 : 16).append("\"/><text x=\"").append(x + PAD / 2)
        .append("\" y=\"").append(y + (second.isEmpty() ? 25 : 17)).append("\">").append(esc(shorten(b.label())))
        .append("</text>");
    if (!second.isEmpty()) {
      out.append("<text class=\"sub\" x=\"").append(x + PAD / 2).append("\" y=\"").append(y + 33).append("\">")
          .append(esc(shorten(second))).append("</text>");
    }
    out.append("</g>").append(link ? "</a>" : "").append('\n');
  }

  private int rowIndex(Finding f) {
    return rowIds.get(f);
  }

  private void findings(StringBuilder out) {
    out.append("<h2 id=\"spofs\">Single points of failure on these flows</h2>\n");
    if (rows.isEmpty()) {
      out.append("<p>None found.</p>\n");
      return;
    }
    out.append("<table>\n<thead><tr><th>Rule</th><th>Resource</th><th>Location</th><th>Problem</th><th>Fix</th>"
        + "<th>Flows</th></tr></thead>\n<tbody>\n");
    int i = 1;
    for (Map.Entry<Finding, List<String>> e : rows.entrySet()) {
      Finding f = e.getKey();
      RuleMeta m = rules.get(f.ruleId());
      out.append("<tr id=\"spof-").append(i++).append("\"><td><b>").append(esc(f.ruleId())).append("</b>")
          .append(f.certain() ? "<br>" + esc(f.severity().label()) : "<br>unknown").append("</td><td><code>")
          .append(esc(f.resourceAddress())).append("</code></td><td><code>").append(esc(f.location().path()))
          .append(':').append(f.location().line()).append(':').append(f.location().column())
          .append("</code></td><td>").append(esc(f.message())).append("</td><td>")
          .append(m == null ? "" : esc(m.remediation())).append("</td><td>")
          .append(esc(String.join(", ", e.getValue()))).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  /** Long addresses keep their start and their end, where the names are. */
  private static String shorten(String s) {
    if (s.codePointCount(0, s.length()) <= MAX_LABEL) {
      return s;
    }
    int head = s.offsetByCodePoints(0, MAX_LABEL / 2 - 1);
    int tail = s.offsetByCodePoints(s.length(), -(MAX_LABEL / 2));
    return s.substring(0, head) + "…" + s.substring(tail);
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A tidy tree left to right: leaves on consecutive rows, a parent centred on its children, a column per depth. */
  private static final class Layout {
    final int[] x;
    final int[] y;
    final int[] w;
    final int width;
    final int height;

    Layout(FlowPicture p) {
      int n = p.nodes().size();
      x = new int[n];
      y = new int[n];
      w = new int[n];
      List<List<Integer>> children = new ArrayList<>();
      int depth = 0;
      for (FlowPicture.Box b : p.nodes()) {
        children.add(new ArrayList<>());
        depth = Math.max(depth, b.depth());
      }
      int[] column = new int[depth + 1];
      for (FlowPicture.Box b : p.nodes()) {
        if (b.parent() >= 0) {
          children.get(b.parent()).add(b.index());
        }
        String second = b.spof() ? String.join(" ", b.ruleIds()) : "";
        int chars = Math.max(shorten(b.label()).length(), shorten(second).length() + (b.replicas() > 1 ? 4 : 0));
        w[b.index()] = Math.max(90, chars * TWO_CHARS / 2 + PAD);
        column[b.depth()] = Math.max(column[b.depth()], w[b.index()]);
      }
      int[] left = new int[depth + 1];
      for (int d = 1; d <= depth; d++) {
        left[d] = left[d - 1] + column[d - 1] + GAP;
      }
      int[] nextRow = {0};
      place(0, children, nextRow);
      for (FlowPicture.Box b : p.nodes()) {
        x[b.index()] = PAD + left[b.depth()];
        y[b.index()] = PAD + y[b.index()];
      }
      width = 2 * PAD + left[depth] + column[depth];
      height = 2 * PAD + (nextRow[0] - 1) * ROW + BOX_HEIGHT;
    }

    /** Rows in depth-first order; iterative so a deep chain cannot overflow the stack. */
    private void place(int root, List<List<Integer>> children, int[] nextRow) {
      java.util.Deque<int[]> stack = new java.util.ArrayDeque<>();
      stack.push(new int[] {root, 0});
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        List<Integer> c = children.get(top[0]);
        if (top[1] < c.size()) {
          stack.push(new int[] {c.get(top[1]++), 0});
          continue;
        }
        stack.pop();
        if (c.isEmpty()) {
          y[top[0]] = nextRow[0]++ * ROW;
        } else {
          y[top[0]] = (y[c.get(0)] + y[c.get(c.size() - 1)]) / 2;
        }
      }
    }
  }

  private static final String STYLE = String.join("\n",
      "body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}",
      "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}",
      ".summary{font-weight:600}.key{color:#57606a}.more{color:#57606a;font-style:italic}",
      ".k-spof{color:#cc0000;font-weight:600}.k-unknown{border-bottom:1px dashed #57606a}",
      ".tag{font-size:12px;font-weight:600;background:#fff3cd;border-radius:8px;padding:1px 8px}",
      ".tag.ok{background:#dafbe1}",
      ".scroll{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px}svg.graph{display:block}",
      ".node rect{fill:#f6f8fa;stroke:#57606a;stroke-width:1.5}",
      ".node text{font:12px monospace;fill:#1f2328}.node text.sub{font-size:11px;fill:#57606a}",
      ".node.external rect{fill:#ddf4ff;stroke:#0969da}",
      ".node.unknown rect{fill:#fff;stroke-dasharray:5 3}",
      ".node.spof rect{fill:#ffdddd;stroke:#cc0000;stroke-width:2.5}",
      ".node.spof text{fill:#82071e}.node.spof text.sub{font-weight:700;fill:#cc0000}",
      ".edge path{fill:none;stroke:#8c959f;stroke-width:1.5}.edge.uncertain path{stroke-dasharray:6 4}",
      ".edge text{font:11px sans-serif;fill:#57606a}.head{fill:#8c959f}",
      "table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:6px 8px;"
          + "vertical-align:top;text-align:left}th{background:#f6f8fa}code{font-size:12px;overflow-wrap:anywhere}",
      "tr:target{background:#fff8c5}",
      "");
}
