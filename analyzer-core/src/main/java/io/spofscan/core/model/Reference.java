package io.spofscan.core.model;

/**
 * A reference from one resource to another, kept for the dependency graph: Terraform {@code aws_x.y.attr},
 * CloudFormation Ref/GetAtt/DependsOn, Kubernetes label selectors and object names.
 *
 * @param kind how the reference is written, e.g. "ref", "getatt", "depends_on", "selector", "name"
 * @param target the referenced address as the format writes it ("aws_subnet.a", "MyDB", "Service/default/web")
 * @param detail an attribute or selector text, may be empty
 * @param range where the reference is written
 */
public record Reference(String kind, String target, String detail, SourceRange range) {
  public Reference {
    detail = detail == null ? "" : detail;
  }
}
