package io.spofscan.parsers.kubernetes;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What spofscan reads of one {@code kustomization.yaml} (or a {@code kind: Component}): the files and folders it
 * builds from, the files it uses as patches, and the transformations that change what the objects are.
 * Every path is a display path ({@code /}-separated, like {@link SourceRange#path()}), resolved against the
 * kustomization's folder.
 *
 * @param file the kustomization's display path
 * @param dir its folder ("" at the root)
 * @param resources files and folders under {@code resources:} and the older {@code bases:}
 * @param components folders under {@code components:}
 * @param patches files used as patches ({@code patches}, {@code patchesStrategicMerge}, {@code patchesJson6902})
 * @param namespace {@code namespace:}, located
 * @param namePrefix {@code namePrefix:}, if set
 * @param nameSuffix {@code nameSuffix:}, if set
 * @param replicas {@code replicas:} entries: object name to the located {@code count}
 * @param labels labels added to objects, each located: with whether selectors and pod templates get them too
 */
record Kustomization(String file, String dir, List<String> resources, List<String> components,
    Map<String, SourceRange> patches, Optional<Value> namespace, Optional<String> namePrefix,
    Optional<String> nameSuffix, Map<String, Value> replicas, List<Labels> labels) {

  /** A label set: {@code commonLabels} (selectors and templates too) or one {@code labels:} entry. */
  record Labels(Map<String, Value> pairs, boolean selectors, boolean templates) {}

  static Kustomization read(String file, Value.MapValue root) {
    String dir = parentOf(file);
    List<String> resources = new ArrayList<>();
    paths(root.get("resources"), dir, resources);
    paths(root.get("bases"), dir, resources);
    List<String> components = new ArrayList<>();
    paths(root.get("components"), dir, components);
    Map<String, SourceRange> patches = new LinkedHashMap<>();
    for (String key : List.of("patches", "patchesStrategicMerge", "patchesJson6902")) {
      for (Value item : root.get(key).items()) {
        // an entry is a path string (patchesStrategicMerge), or a map with a path; inline patches name no file
        Value path = item instanceof Value.MapValue ? item.get("path") : item;
        path.asString().filter(p -> !p.contains("\n")).flatMap(p -> resolve(dir, p))
            .ifPresent(p -> patches.putIfAbsent(p, item.location().orElse(SourceRange.at(file, 1, 1))));
      }
    }
    Optional<Value> namespace = Optional.of(root.get("namespace")).filter(v -> v.asString().isPresent());
    Map<String, Value> replicas = new LinkedHashMap<>();
    for (Value item : root.get("replicas").items()) {
      Value count = item.get("count");
      item.get("name").asString().filter(n -> count.isKnown()).ifPresent(n -> replicas.put(n, count));
    }
    List<Labels> labels = new ArrayList<>();
    if (!root.get("commonLabels").entries().isEmpty()) {
      labels.add(new Labels(root.get("commonLabels").entries(), true, true));
    }
    for (Value item : root.get("labels").items()) {
      boolean selectors = item.get("includeSelectors").truth(false) == io.spofscan.core.model.Truth.TRUE;
      boolean templates = selectors
          || item.get("includeTemplates").truth(false) == io.spofscan.core.model.Truth.TRUE;
      if (!item.get("pairs").entries().isEmpty()) {
        labels.add(new Labels(item.get("pairs").entries(), selectors, templates));
      }
    }
    return new Kustomization(file, dir, List.copyOf(resources), List.copyOf(components), patches, namespace,
        root.get("namePrefix").asString(), root.get("nameSuffix").asString(), replicas, List.copyOf(labels));
  }

  /** Local paths of a list; remote ones ({@code https://…}, {@code github.com/…?ref=}) are not in the scan. */
  private static void paths(Value list, String dir, List<String> out) {
    for (Value item : list.items()) {
      item.asString().flatMap(p -> resolve(dir, p)).ifPresent(out::add);
    }
  }

  /** The display path of {@code entry} written in folder {@code dir}, if it stays inside the scanned tree. */
  static Optional<String> resolve(String dir, String entry) {
    String e = entry.trim();
    if (e.isEmpty() || e.contains("://") || e.contains("?ref=") || e.startsWith("github.com/")
        || e.startsWith("git@") || e.startsWith("/")) {
      return Optional.empty();
    }
    Path p = (dir.isEmpty() ? Path.of(e) : Path.of(dir).resolve(e)).normalize();
    String s = p.toString().replace('\\', '/');
    if (s.isEmpty() || s.equals("..") || s.startsWith("../")) {
      return Optional.empty();
    }
    return Optional.of(s);
  }

  static String parentOf(String displayPath) {
    int slash = displayPath.lastIndexOf('/');
    return slash < 0 ? "" : displayPath.substring(0, slash);
  }

  /** {@code kustomization.yaml}, {@code kustomization.yml} or {@code Kustomization}. */
  static boolean isKustomizationFile(String fileName) {
    return Kustomizations.FILE_NAMES.contains(fileName);
  }
}
