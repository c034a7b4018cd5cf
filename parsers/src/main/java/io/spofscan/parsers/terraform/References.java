package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Reference;
import java.util.List;
import java.util.Set;

/** Collects the references a block's expressions make to resources, data sources and modules. */
final class References {
  private References() {}

  private static final Set<String> NOT_RESOURCES = Set.of("var", "local", "count", "each", "path", "terraform",
      "self");

  static void collect(Hcl.Body body, String prefix, List<Reference> out) {
    for (Hcl.Attribute a : body.attributes()) {
      if (a.expr() != null) {
        walk(a.expr(), prefix, a.name().equals("depends_on") ? "depends_on" : null, out);
      }
    }
    for (Hcl.Block b : body.blocks()) {
      collect(b.body(), prefix, out);
    }
  }

  /** Recursion is bounded by the parser's nesting limit. */
  private static void walk(Expr e, String prefix, String kindOverride, List<Reference> out) {
    if (e instanceof Expr.Traversal t) {
      add(t, prefix, kindOverride, out);
      for (Expr.Step s : t.steps()) {
        if (s instanceof Expr.Index i) {
          walk(i.key(), prefix, kindOverride, out);
        }
      }
    } else if (e instanceof Expr.Template t) {
      t.parts().stream().filter(Expr.class::isInstance).forEach(p -> walk((Expr) p, prefix, kindOverride, out));
    } else if (e instanceof Expr.Postfix p) {
      walk(p.base(), prefix, kindOverride, out);
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> walk(a, prefix, kindOverride, out));
    } else if (e instanceof Expr.Unary u) {
      walk(u.operand(), prefix, kindOverride, out);
    } else if (e instanceof Expr.Binary b) {
      walk(b.left(), prefix, kindOverride, out);
      walk(b.right(), prefix, kindOverride, out);
    } else if (e instanceof Expr.Conditional c) {
      walk(c.condition(), prefix, kindOverride, out);
      walk(c.whenTrue(), prefix, kindOverride, out);
      walk(c.whenFalse(), prefix, kindOverride, out);
    } else if (e instanceof Expr.Tuple t) {
      t.items().forEach(i -> walk(i, prefix, kindOverride, out));
    } else if (e instanceof Expr.ObjectCons o) {
      for (Expr.Item i : o.items()) {
        walk(i.key(), prefix, kindOverride, out);
        walk(i.value(), prefix, kindOverride, out);
      }
    } else if (e instanceof Expr.For f) {
      walk(f.collection(), prefix, kindOverride, out);
      if (f.key() != null) {
        walk(f.key(), prefix, kindOverride, out);
      }
      walk(f.value(), prefix, kindOverride, out);
      if (f.condition() != null) {
        walk(f.condition(), prefix, kindOverride, out);
      }
    }
  }

  private static void add(Expr.Traversal t, String prefix, String kindOverride, List<Reference> out) {
    List<Expr.Step> steps = t.steps();
    String a = name(steps, 0);
    String b = name(steps, 1);
    String c = name(steps, 2);
    if (t.root().equals("data") && a != null && b != null) {
      out.add(new Reference(kind(kindOverride, "ref"), prefix + "data." + a + "." + b, c, t.range()));
    } else if (t.root().equals("module") && a != null) {
      out.add(new Reference(kind(kindOverride, "module"), prefix + "module." + a, b, t.range()));
    } else if (!NOT_RESOURCES.contains(t.root()) && t.root().contains("_") && a != null) {
      String detail = b;
      if (b == null && steps.size() > 1 && steps.get(1) instanceof Expr.Index) {
        detail = name(steps, 2);
      }
      out.add(new Reference(kind(kindOverride, "ref"), prefix + t.root() + "." + a, detail, t.range()));
    }
  }

  private static String kind(String override, String kind) {
    return override != null ? override : kind;
  }

  private static String name(List<Expr.Step> steps, int i) {
    return i < steps.size() && steps.get(i) instanceof Expr.GetAttr g ? g.name() : null;
  }
}
