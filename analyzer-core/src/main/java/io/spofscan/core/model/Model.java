package io.spofscan.core.model;

import io.spofscan.core.graph.AppScope;
import io.spofscan.core.graph.EdgeSource;
import io.spofscan.core.graph.Graph;
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
  private final AppScope scope;
  /** The dependency graph, built on first use and then shared by every rule and report of the scan. */
  private volatile Graph graph;

  public Model(List<Resource> resources, List<Diagnostic> diagnostics) {
    this(resources, diagnostics, 0);
  }

  /**
   * @param patchDocuments documents read but left out because they are patches (kustomize patch files,
   *     {@code $patch} partial objects), not objects: the summary counts them
   */
  public Model(List<Resource> resources, List<Diagnostic> diagnostics, int patchDocuments) {
    this(resources, diagnostics, patchDocuments, AppScope.directories());
  }

  private Model(List<Resource> resources, List<Diagnostic> diagnostics, int patchDocuments, AppScope scope) {
    this.patchDocuments = patchDocuments;
    this.resources = List.copyOf(resources);
    this.diagnostics = List.copyOf(diagnostics);
    this.scope = scope;
    Map<String, List<Resource>> index = new LinkedHashMap<>();
    for (Resource r : this.resources) {
      index.computeIfAbsent(r.kindName(), k -> new ArrayList<>()).add(r);
    }
    index.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.byKindName = Collections.unmodifiableMap(index);
  }

  /** The same resources, related by the application units {@code scope} describes. */
  public Model withScope(AppScope newScope) {
    return new Model(resources, diagnostics, patchDocuments, newScope);
  }

  /** Which objects may belong to one application (kustomization roots, Helm charts, manifest directories). */
  public AppScope scope() {
    return scope;
  }

  /**
   * The dependency graph of this model, built once with the edges {@code source} finds; later calls return the same
   * graph (one scan has one edge source: the rules module's catalogue).
   */
  public Graph graph(EdgeSource source) {
    Graph g = graph;
    if (g == null) {
      synchronized (this) {
        g = graph;
        if (g == null) {
          g = Graph.build(this, source);
          graph = g;
        }
      }
    }
    return g;
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
    AppScope scope = AppScope.directories();
    for (Model m : parts) {
      rs.addAll(m.resources);
      ds.addAll(m.diagnostics);
      patches += m.patchDocuments;
      if (m.scope != AppScope.directories()) {
        scope = m.scope; // only the file parsers know kustomizations and charts; the other parts add none
      }
    }
    return new Model(rs, ds, patches, scope);
  }
}
