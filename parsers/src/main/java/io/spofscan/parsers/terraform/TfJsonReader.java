package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Terraform's JSON syntax (.tf.json, .tfvars.json) into the same located structure as native files. */
final class TfJsonReader {
  private TfJsonReader() {}

  static Hcl.File read(String path, String text, boolean configuration) {
    Value root;
    try {
      root = LocatedJson.read(path, text);
    } catch (LocatedJson.JsonError e) {
      return Hcl.File.failed(path, Diagnostic.error(SourceRange.at(path, e.line, e.column),
          "JSON syntax error: " + e.getMessage()));
    }
    if (!(root instanceof Value.MapValue top)) {
      return Hcl.File.failed(path, Diagnostic.error(SourceRange.at(path, 1, 1),
          "a Terraform JSON file must hold an object"));
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (!configuration) {
      return new Hcl.File(path, attributes(top, diagnostics), List.of(), diagnostics, true);
    }
    List<Hcl.Block> blocks = new ArrayList<>();
    for (Map.Entry<String, Value> section : top.entries().entrySet()) {
      String kind = section.getKey();
      Value content = section.getValue();
      SourceRange at = content.location().orElse(SourceRange.at(path, 1, 1));
      switch (kind) {
        case "resource", "data" -> {
          for (Map.Entry<String, Value> type : content.entries().entrySet()) {
            for (Map.Entry<String, Value> named : type.getValue().entries().entrySet()) {
              for (Value body : named.getValue().items()) {
                blocks.add(block(kind, List.of(type.getKey(), named.getKey()), rangeOf(named.getValue(), at), body,
                    diagnostics));
              }
            }
          }
        }
        case "module", "variable", "output" -> {
          for (Map.Entry<String, Value> named : content.entries().entrySet()) {
            for (Value body : named.getValue().items()) {
              blocks.add(block(kind, List.of(named.getKey()), rangeOf(named.getValue(), at), body, diagnostics));
            }
          }
        }
        case "locals" -> {
          for (Value body : content.items()) {
            blocks.add(block(kind, List.of(), at, body, diagnostics));
          }
        }
        default -> {
          // provider, terraform and comments carry nothing the scan models
        }
      }
    }
    return new Hcl.File(path, List.of(), blocks, diagnostics, true);
  }

  private static SourceRange rangeOf(Value v, SourceRange fallback) {
    return v.location().orElse(fallback);
  }

  private static Hcl.Block block(String type, List<String> labels, SourceRange at, Value body,
      List<Diagnostic> diagnostics) {
    return new Hcl.Block(type, labels, at, new Hcl.Body(attributes(body, diagnostics), List.of()));
  }

  private static List<Hcl.Attribute> attributes(Value body, List<Diagnostic> diagnostics) {
    List<Hcl.Attribute> out = new ArrayList<>();
    for (Map.Entry<String, Value> e : body.entries().entrySet()) {
      if (e.getKey().equals("//")) {
        continue;
      }
      SourceRange at = e.getValue().location().orElseThrow();
      out.add(new Hcl.Attribute(e.getKey(), at, expr(e.getValue(), at, diagnostics), e.getValue().describe()));
    }
    return out;
  }

  /** JSON values become expressions: strings are templates ("${var.x}"), the rest literals and constructors. */
  static Expr expr(Value v, SourceRange at, List<Diagnostic> diagnostics) {
    if (v instanceof Value.Scalar s) {
      if (s.value() instanceof String str && str.contains("${")) {
        try {
          return new ExprParser(str, new LineIndex(at.path(), str), at).parseWholeTemplate();
        } catch (ExprParser.SyntaxError e) {
          diagnostics.add(Diagnostic.warning(at, "template could not be read (" + e.getMessage() + ")"));
          return null;
        }
      }
      return new Expr.Literal(s.value(), at);
    }
    if (v instanceof Value.ListValue l) {
      List<Expr> items = new ArrayList<>();
      for (Value item : l.items()) {
        items.add(expr(item, item.location().orElse(at), diagnostics));
      }
      return items.contains(null) ? null : new Expr.Tuple(items, at);
    }
    if (v instanceof Value.MapValue m) {
      List<Expr.Item> items = new ArrayList<>();
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        SourceRange keyAt = e.getValue().location().orElse(at);
        Expr value = expr(e.getValue(), keyAt, diagnostics);
        if (value == null) {
          return null;
        }
        items.add(new Expr.Item(new Expr.Literal(e.getKey(), keyAt), value, keyAt));
      }
      return new Expr.ObjectCons(items, at);
    }
    return null;
  }
}
