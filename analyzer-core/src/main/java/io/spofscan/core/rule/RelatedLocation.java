package io.spofscan.core.rule;

import io.spofscan.core.model.SourceRange;
import java.util.Objects;

/**
 * Another place that explains a finding (SARIF {@code relatedLocations}): the module line a caller's argument
 * reaches, or a module call that instantiates the resource.
 */
public record RelatedLocation(SourceRange location, String message) implements Comparable<RelatedLocation> {
  public RelatedLocation {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public int compareTo(RelatedLocation o) {
    int c = location.compareTo(o.location);
    return c != 0 ? c : message.compareTo(o.message);
  }

  @Override
  public String toString() {
    return location + " " + message;
  }
}
