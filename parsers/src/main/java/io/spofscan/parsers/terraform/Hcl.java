package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import java.util.List;

/** The located structure of one Terraform file: blocks, attributes and their parsed expressions. */
final class Hcl {
  private Hcl() {}

  /**
   * An attribute {@code name = expr}.
   *
   * @param range the attribute name (where findings point)
   * @param expr the parsed value, or null when the expression could not be read
   * @param text the expression as written, for messages
   */
  record Attribute(String name, SourceRange range, Expr expr, String text) {}

  /** A block {@code type "label" ... { body }}, located at its keyword. */
  record Block(String type, List<String> labels, SourceRange range, Body body) {
    String label(int i) {
      return i < labels.size() ? labels.get(i) : "";
    }
  }

  record Body(List<Attribute> attributes, List<Block> blocks) {
    Body {
      attributes = List.copyOf(attributes);
      blocks = List.copyOf(blocks);
    }

    Attribute attribute(String name) {
      for (Attribute a : attributes) {
        if (a.name().equals(name)) {
          return a;
        }
      }
      return null;
    }
  }

  /**
   * One read file.
   *
   * @param attributes top-level attributes (the content of a .tfvars file)
   * @param usable false when the file could not be read at all (an ERROR diagnostic says why)
   */
  record File(String path, List<Attribute> attributes, List<Block> blocks, List<Diagnostic> diagnostics,
      boolean usable) {
    static File failed(String path, Diagnostic why) {
      return new File(path, List.of(), List.of(), List.of(why), false);
    }
  }
}
