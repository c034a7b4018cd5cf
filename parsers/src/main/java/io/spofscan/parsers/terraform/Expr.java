package io.spofscan.parsers.terraform;

import io.spofscan.core.model.SourceRange;
import java.util.List;

/** An HCL expression, parsed by {@link ExprParser}. Every node knows where it starts. */
sealed interface Expr {
  SourceRange range();

  /** A literal number (BigDecimal), string, boolean or null. */
  record Literal(Object value, SourceRange range) implements Expr {}

  /** A quoted string or heredoc with interpolations; parts are String or Expr. */
  record Template(List<Object> parts, boolean hasDirective, SourceRange range) implements Expr {}

  /** {@code root.a[0].b}: a variable-like name followed by steps. */
  record Traversal(String root, List<Step> steps, SourceRange range) implements Expr {}

  /** Steps applied to any other expression: {@code (x).a}, {@code f()[0]}, {@code [..][*].id}. */
  record Postfix(Expr base, List<Step> steps, SourceRange range) implements Expr {}

  record Call(String name, List<Expr> args, boolean expandLast, SourceRange range) implements Expr {}

  record Unary(String op, Expr operand, SourceRange range) implements Expr {}

  record Binary(String op, Expr left, Expr right, SourceRange range) implements Expr {}

  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, SourceRange range) implements Expr {}

  record Tuple(List<Expr> items, SourceRange range) implements Expr {}

  /** An object constructor; a key is an Expr (an identifier key is a string Literal). */
  record ObjectCons(List<Item> items, SourceRange range) implements Expr {}

  record Item(Expr key, Expr value, SourceRange keyRange) {}

  /** {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}. */
  record For(String keyVar, String valueVar, Expr collection, Expr key, Expr value, Expr condition, boolean grouping,
      boolean object, SourceRange range) implements Expr {}

  /** A traversal step. */
  sealed interface Step {}

  record GetAttr(String name) implements Step {}

  record Index(Expr key) implements Step {}

  /** {@code [*]} or {@code .*}: the steps after it apply to each element. */
  record Splat() implements Step {}
}
