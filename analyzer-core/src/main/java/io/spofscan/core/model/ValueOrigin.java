package io.spofscan.core.model;

import java.util.Objects;

/**
 * Where the value of an attribute written inside a Terraform module is decided: the caller's argument, the module
 * call header (the caller omits the argument and the variable's default applies), or the attribute itself.
 *
 * @param attribute the attribute as written in the module (the location its value carries)
 * @param decidedAt where a user changes it: the caller's argument, the call header, or {@code attribute}
 * @param how how it was decided, for messages ("by default: variable `multi_az` defaults to false"), or ""
 */
public record ValueOrigin(SourceRange attribute, SourceRange decidedAt, String how) {
  public ValueOrigin {
    Objects.requireNonNull(attribute, "attribute");
    decidedAt = decidedAt == null ? attribute : decidedAt;
    how = how == null ? "" : how;
  }

  /** Decided somewhere else than where it is written (by a module caller). */
  public boolean byCaller() {
    return !decidedAt.equals(attribute);
  }
}
