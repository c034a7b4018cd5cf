package io.spofscan.core.graph;

import io.spofscan.core.model.Resource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Application units: which Kubernetes objects may relate at all. Objects of different applications share a
 * namespace in many repositories (tutorials, samples, a team's namespace), and an HPA or a Sentinel of one must not
 * speak for another. A file belongs to the unit of its nearest enclosing kustomization root or Helm chart directory,
 * else to its own directory (plain manifests). A kustomization also takes in everything it lists (its
 * {@code resources}, {@code components}, {@code bases}), transitively, so an overlay relates to its base. Two
 * objects relate when some unit takes in both, or when both are plain manifests and one's directory contains the
 * other's (an app keeping its optional HPA in {@code hpa/} beside its Deployment). Sibling directories of plain
 * manifests are different applications. Paths are scan-relative with '/' separators.
 */
public final class AppScope {
  private static final AppScope DIRECTORIES = new AppScope(Map.of(), Set.of());

  /** For each kustomization directory, the directories and files it lists, normalized. */
  private final Map<String, Set<String>> kustomizations;
  private final Set<String> chartDirs;
  /** The reverse of {@link #kustomizations}: a listed directory or file to the kustomizations that list it. */
  private final Map<String, List<String>> listedBy = new HashMap<>();
  private final Map<String, Set<String>> rootsCache = new ConcurrentHashMap<>();

  private AppScope(Map<String, Set<String>> kustomizations, Set<String> chartDirs) {
    this.kustomizations = kustomizations;
    this.chartDirs = chartDirs;
    kustomizations.forEach((dir, listed) -> listed.forEach(l -> listedBy.computeIfAbsent(l, k -> new ArrayList<>())
        .add(dir)));
  }

  /** No kustomization or chart known: every directory is a unit. */
  public static AppScope directories() {
    return DIRECTORIES;
  }

  /**
   * @param kustomizations kustomization directory to the entries it lists, relative to it as written
   *     ({@code ../base}, {@code deployment.yaml}); remote entries are ignored
   * @param chartDirs Helm chart directories
   */
  public static AppScope of(Map<String, ? extends Collection<String>> kustomizations, Set<String> chartDirs) {
    if (kustomizations.isEmpty() && chartDirs.isEmpty()) {
      return DIRECTORIES;
    }
    Map<String, Set<String>> normalized = new HashMap<>();
    kustomizations.forEach((dir, entries) -> {
      Set<String> listed = new LinkedHashSet<>();
      for (String e : entries) {
        if (!e.contains("://") && !e.startsWith("github.com/") && !e.contains("?ref=")) {
          listed.add(normalize(dir.isEmpty() ? e : dir + "/" + e));
        }
      }
      normalized.put(normalize(dir), listed);
    });
    return new AppScope(Map.copyOf(normalized), Set.copyOf(chartDirs));
  }

  /** The unit a file belongs to by where it lies: nearest kustomization or chart directory, else its directory. */
  public String unitOf(String path) {
    String own = parent(path);
    for (String d = own; d != null; d = d.isEmpty() ? null : parent(d)) {
      if (kustomizations.containsKey(d) || chartDirs.contains(d)) {
        return d;
      }
    }
    return own;
  }

  /** Every unit that takes in the file: its own and each kustomization listing it, transitively. */
  public Set<String> unitsOf(String path) {
    return rootsCache.computeIfAbsent(path, p -> {
      Set<String> out = new LinkedHashSet<>();
      Deque<String> todo = new ArrayDeque<>();
      todo.add(unitOf(p));
      listedBy.getOrDefault(p, List.of()).forEach(todo::add);
      while (!todo.isEmpty()) {
        String u = todo.poll();
        if (out.add(u)) {
          listedBy.getOrDefault(u, List.of()).forEach(todo::add);
        }
      }
      return Set.copyOf(out);
    });
  }

  /** Whether objects written in these two files may belong to one application. */
  public boolean related(String pathA, String pathB) {
    if (pathA.equals(pathB)) {
      return true;
    }
    Set<String> a = unitsOf(pathA);
    for (String u : unitsOf(pathB)) {
      if (a.contains(u)) {
        return true;
      }
    }
    return plain(pathA) && plain(pathB) && nested(parent(pathA), parent(pathB));
  }

  /** Not inside any kustomization or chart directory, and listed by no kustomization. */
  private boolean plain(String path) {
    String unit = unitOf(path);
    return !kustomizations.containsKey(unit) && !chartDirs.contains(unit) && !listedBy.containsKey(path);
  }

  private static boolean nested(String dirA, String dirB) {
    return within(dirA, dirB) || within(dirB, dirA);
  }

  private static boolean within(String dir, String ancestor) {
    return ancestor.isEmpty() || dir.equals(ancestor) || dir.startsWith(ancestor + "/");
  }

  public boolean related(Resource a, Resource b) {
    return related(a.path(), b.path());
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Resolves "." and ".." segments; a path climbing above the scan root keeps its leading "..". */
  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    return String.join("/", parts);
  }
}
