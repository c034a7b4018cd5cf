package io.spofscan.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything a scan read: the resources of all formats and the diagnostics of files it could not read fully.
 * Indexed by type so cross-resource rules look things up instead of scanning the whole model.
 */
public final class Model {
  private final List<Resource> resources;
  private final List<Diagnostic> diagnostics;
  private final Map<String, List<Resource>> byKindName;
  private final int patchDocuments;

  public Model(List<Resource> resources, List<Diagnostic> diagnostics) {
    this(resources, diagnostics, 0);
  }

  /**
   * @param patchDocuments documents read but left out because they are patches (kustomize patch files,
   *     {@code $patch} partial objects), not objects: the summary counts them
   */
  public Model(List<Resource> resources, List<Diagnostic> diagnostics, int patchDocuments) {
    this.patchDocuments = patchDocuments;
    this.resources = List.copyOf(resources);
    this.diagnostics = List.copyOf(diagnostics);
    Map<String, List<Resource>> index = new LinkedHashMap<>();
    for (Resource r : this.resources) {
      index.computeIfAbsent(r.kindName(), k -> new ArrayList<>()).add(r);
    }
    index.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.byKindName = Collections.unmodifiableMap(index);
  }

  public static Model empty() {
    return new Model(List.of(), List.of());
  }

  public List<Resource> resources() {
    return resources;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Documents left out of the model for being patches, not objects. */
  public int patchDocuments() {
    return patchDocuments;
  }

  /** Resources whose native type (or Kubernetes kind) is one of {@code kind}'s types. */
  public List<Resource> all(Kind kind) {
    List<Resource> out = new ArrayList<>();
    for (String type : kind.nativeTypes()) {
      for (Resource r : byKindName.getOrDefault(type, List.of())) {
        if (kind.matches(r)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  public List<Resource> where(Predicate<Resource> filter) {
    return resources.stream().filter(filter).toList();
  }

  /** Combine models of several parsers, keeping each one's order. */
  public static Model merge(List<Model> parts) {
    List<Resource> rs = new ArrayList<>();
    List<Diagnostic> ds = new ArrayList<>();
    int patches = 0;
    for (Model m : parts) {
      rs.addAll(m.resources);
      ds.addAll(m.diagnostics);
      patches += m.patchDocuments;
    }
    return new Model(rs, ds, patches);
  }
}
