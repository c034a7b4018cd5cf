package io.spofscan.core.model;

import java.util.Set;

/**
 * A kind of infrastructure that means the same across formats, e.g. "RDS DB instance" is {@code aws_db_instance} in
 * Terraform and {@code AWS::RDS::DBInstance} in CloudFormation. Kubernetes types match on their kind name, whatever
 * the API version.
 */
public record Kind(String name, Set<String> nativeTypes) {

  public Kind {
    nativeTypes = Set.copyOf(nativeTypes);
  }

  public static Kind of(String name, String... nativeTypes) {
    return new Kind(name, Set.of(nativeTypes));
  }

  public boolean matches(Resource r) {
    return nativeTypes.contains(r.type()) || (r.format() == Format.KUBERNETES && nativeTypes.contains(r.kindName()));
  }
}
