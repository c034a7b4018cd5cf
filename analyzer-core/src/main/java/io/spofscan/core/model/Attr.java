package io.spofscan.core.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * An attribute that means the same across formats, with the dotted path each format writes it at, e.g.
 * {@code multi_az} (Terraform) and {@code MultiAZ} (CloudFormation). Immutable; the builders return copies.
 */
public final class Attr {
  private final String name;
  private final Map<Format, String> paths;

  private Attr(String name, Map<Format, String> paths) {
    this.name = name;
    this.paths = paths;
  }

  public static Attr named(String name) {
    return new Attr(name, new EnumMap<>(Format.class));
  }

  public Attr terraform(String path) {
    return with(Format.TERRAFORM, path);
  }

  public Attr cloudformation(String path) {
    return with(Format.CLOUDFORMATION, path);
  }

  public Attr kubernetes(String path) {
    return with(Format.KUBERNETES, path);
  }

  private Attr with(Format format, String path) {
    Map<Format, String> copy = new EnumMap<>(Format.class);
    copy.putAll(paths);
    copy.put(format, path);
    return new Attr(name, copy);
  }

  public String name() {
    return name;
  }

  public Optional<String> pathFor(Format format) {
    return Optional.ofNullable(paths.get(format));
  }

  /** The attribute as a user of {@code format} writes it (its last path segment), for messages. */
  public String spelledIn(Format format) {
    String path = paths.getOrDefault(format, name);
    return path.substring(path.lastIndexOf('.') + 1);
  }

  @Override
  public String toString() {
    return name;
  }
}
