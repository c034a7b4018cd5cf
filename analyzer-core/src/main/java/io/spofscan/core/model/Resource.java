package io.spofscan.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One infrastructure object, whatever format declared it.
 *
 * @param format the language it was written in
 * @param type the native type: {@code aws_db_instance}, {@code AWS::RDS::DBInstance}, {@code apps/v1 Deployment}
 * @param address as users write it: {@code aws_db_instance.orders}, {@code module.db.aws_db_instance.this},
 *     a CloudFormation logical id, {@code Deployment/namespace/name}
 * @param range the resource header (Terraform block keyword, CloudFormation logical id key, Kubernetes document start)
 * @param body the property tree, every node located
 * @param references references to other resources, for the dependency graph
 * @param existence whether the resource is deployed: known true, or unknown with the reason (an unresolved
 *     {@code count} or CloudFormation {@code Condition}); resources known not to exist are never in the model
 * @param callChain where a Terraform module instantiating this resource was called, outermost first (may be empty)
 * @param origins for attributes whose value a module caller or a variable default decides: where and how
 */
public record Resource(
    Format format,
    String type,
    String address,
    SourceRange range,
    Value.MapValue body,
    List<Reference> references,
    Value existence,
    List<SourceRange> callChain,
    List<ValueOrigin> origins) {

  public Resource(Format format, String type, String address, SourceRange range, Value.MapValue body,
      List<Reference> references, Value existence, List<SourceRange> callChain) {
    this(format, type, address, range, body, references, existence, callChain, List.of());
  }

  public Resource {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(body, "body");
    references = List.copyOf(references);
    existence = existence == null ? Value.of(Boolean.TRUE, range) : existence;
    callChain = List.copyOf(callChain);
    origins = List.copyOf(origins);
  }

  /** How the value written at {@code at} was decided, when a caller or a variable default decided it. */
  public java.util.Optional<ValueOrigin> originOf(SourceRange at) {
    return origins.stream().filter(o -> o.attribute().equals(at)).findFirst();
  }

  /** A resource that certainly exists and was not created through a module call. */
  public static Resource of(Format format, String type, String address, SourceRange range, Value.MapValue body,
      List<Reference> references) {
    return new Resource(format, type, address, range, body, references, null, List.of());
  }

  public String path() {
    return range.path();
  }

  public boolean is(Kind kind) {
    return kind.matches(this);
  }

  /** A property by dotted path in this resource's own syntax ("spec.replicas", "multi_az", "Properties.MultiAZ"). */
  public Value attr(String dottedPath) {
    return body.path(dottedPath);
  }

  /** A property by its cross-format name: the path this resource's format uses for it. */
  public Value attr(Attr attr) {
    return attr.pathFor(format).map(body::path).orElse(Value.absent());
  }

  /** Kubernetes kind ("Deployment") or the native type for the other formats. */
  public String kindName() {
    int space = type.lastIndexOf(' ');
    return space < 0 ? type : type.substring(space + 1);
  }

  /** Known to exist (not behind an unresolved count or condition). */
  public boolean certainlyExists() {
    return existence.truth(true) == Truth.TRUE;
  }
}
