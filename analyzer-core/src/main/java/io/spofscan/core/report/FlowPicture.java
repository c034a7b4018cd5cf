package io.spofscan.core.report;

import io.spofscan.core.graph.Flow;
import io.spofscan.core.graph.Node;
import io.spofscan.core.rule.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a picture of one flow shows, whatever it is drawn with: the flow's tree with identical replicas collapsed
 * into one node (siblings reached the same way whose addresses differ only in their instance key, such as
 * {@code aws_instance.web[0]} .. {@code [3]}, with the same rules firing), cut at a node cap that keeps every SPOF
 * and the path to it before anything else.
 *
 * @param flow the flow drawn
 * @param nodes entry first; a node's parent always comes before it
 * @param hidden how many of the flow's hops (after collapsing) the cap left out
 */
record FlowPicture(Flow flow, List<Box> nodes, int hidden) {

  /**
   * One drawn node.
   *
   * @param index position in {@link #nodes}
   * @param parent index of the parent box, -1 for the entry
   * @param label the hop's label, or the replicas' common address with their keys ({@code web[0..3]})
   * @param replicas how many hops it stands for
   * @param node the first hop it stands for
   * @param edge the edge kind from its parent, null for the entry
   * @param certain whether that edge certainly holds
   * @param findings the findings of every hop it stands for
   * @param depth hops from the entry
   */
  record Box(int index, int parent, String label, int replicas, Node node, String edge, boolean certain,
      List<Finding> findings, int depth) {
    Box {
      findings = List.copyOf(findings);
    }

    boolean spof() {
      return !findings.isEmpty();
    }

    List<String> ruleIds() {
      return findings.stream().map(Finding::ruleId).distinct().toList();
    }
  }

  FlowPicture {
    nodes = List.copyOf(nodes);
  }

  /** An address ending in an instance key: {@code base[0]}, {@code base["eu"]}. */
  private static final Pattern INSTANCE = Pattern.compile("^(.+)\\[([^\\[\\]]+)]$");

  /** Groups of replicas being collected: the hops, and their keys in order. */
  private static final class Group {
    final int index;
    final int parent;
    final String base;
    final List<Flow.Step> steps = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    Group(int index, int parent, String base) {
      this.index = index;
      this.parent = parent;
      this.base = base;
    }
  }

  static FlowPicture of(Flow flow, Function<Node, List<Finding>> findingsOf, int cap) {
    List<Group> groups = new ArrayList<>();
    Map<String, Group> open = new HashMap<>();
    int[] groupOfStep = new int[flow.steps().size()];
    for (int i = 0; i < flow.steps().size(); i++) {
      Flow.Step s = flow.steps().get(i);
      int parent = s.parent() < 0 ? -1 : groupOfStep[s.parent()];
      List<Finding> fs = findingsOf.apply(s.node());
      Matcher m = INSTANCE.matcher(s.node().label());
      Group g = null;
      if (m.matches() && s.node().isResource() && s.via() != null) {
        String key = parent + "|" + m.group(1) + "|" + s.via().kind() + "|" + s.via().certain() + "|"
            + s.node().resource().type() + "|" + fs.stream().map(Finding::ruleId).distinct().sorted().toList();
        g = open.get(key);
        if (g == null) {
          g = new Group(groups.size(), parent, m.group(1));
          open.put(key, g);
          groups.add(g);
        }
        g.keys.add(m.group(2));
      } else {
        g = new Group(groups.size(), parent, s.node().label());
        groups.add(g);
      }
      g.steps.add(s);
      g.findings.addAll(fs);
      groupOfStep[i] = g.index;
    }
    Set<Integer> kept = keep(groups, cap);
    Map<Integer, Integer> boxOf = new HashMap<>();
    List<Box> boxes = new ArrayList<>();
    for (int gi = 0; gi < groups.size(); gi++) {
      if (!kept.contains(gi)) {
        continue;
      }
      Group g = groups.get(gi);
      Flow.Step first = g.steps.get(0);
      int parent = g.parent < 0 ? -1 : boxOf.get(g.parent);
      String label = g.steps.size() == 1 ? first.node().label() : g.base + "[" + keys(g.keys) + "]";
      boxOf.put(gi, boxes.size());
      boxes.add(new Box(boxes.size(), parent, label, g.steps.size(), first.node(),
          first.via() == null ? null : first.via().kind().label(), first.via() == null || first.via().certain(),
          g.findings, first.depth()));
    }
    return new FlowPicture(flow, boxes, groups.size() - boxes.size());
  }

  /** The groups drawn: every SPOF with the path to it first, then the rest in breadth-first order, up to the cap. */
  private static Set<Integer> keep(List<Group> groups, int cap) {
    Set<Integer> kept = new LinkedHashSet<>();
    for (int gi = 0; gi < groups.size() && kept.size() < cap; gi++) {
      if (groups.get(gi).findings.isEmpty()) {
        continue;
      }
      List<Integer> path = new ArrayList<>();
      for (int p = gi; p >= 0 && !kept.contains(p); p = groups.get(p).parent) {
        path.add(p);
      }
      if (kept.size() + path.size() <= cap) {
        kept.addAll(path);
      }
    }
    for (int gi = 0; gi < groups.size() && kept.size() < cap; gi++) {
      // breadth-first order puts a parent before its children, so what is kept stays one tree
      if (groups.get(gi).parent < 0 || kept.contains(groups.get(gi).parent)) {
        kept.add(gi);
      }
    }
    return new HashSet<>(kept);
  }

  /** {@code 0..3} for consecutive numbers, else the keys themselves ({@code "eu", "us"}). */
  private static String keys(List<String> keys) {
    boolean consecutive = keys.get(0).matches("\\d{1,9}");
    for (int i = 1; i < keys.size() && consecutive; i++) {
      consecutive = keys.get(i).equals(String.valueOf(Integer.parseInt(keys.get(0)) + i));
    }
    if (consecutive) {
      return keys.get(0) + ".." + keys.get(keys.size() - 1);
    }
    return keys.size() <= 4 ? String.join(", ", keys) : String.join(", ", keys.subList(0, 3)) + ", …";
  }

  boolean spof() {
    return nodes.stream().anyMatch(Box::spof);
  }
}
