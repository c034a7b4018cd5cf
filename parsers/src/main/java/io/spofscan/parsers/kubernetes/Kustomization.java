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
 * @param replicaPatches inline patches (strategic merge or JSON 6902) that set {@code spec.replicas}
 * @param opsFiles JSON 6902 patch files with the target they apply to, read by {@link Kustomizations}
 */
record Kustomization(String file, String dir, List<String> resources, List<String> components,
    Map<String, SourceRange> patches, Optional<Value> namespace, Optional<String> namePrefix,
    Optional<String> nameSuffix, Map<String, Value> replicas, List<Labels> labels,
    List<ReplicaPatch> replicaPatches, List<OpsFile> opsFiles) {

  /**
   * A patch that sets {@code spec.replicas} of the objects its target selects: {@code kind} ("" for any), an exact
   * {@code name} ("" for any) and equality {@code labels}. When the target selects in a way not read here (a name
   * pattern, set-based label or annotation selectors: {@code decidable} false) it may patch any object of the kind.
   * {@code count} is located where the patch writes it.
   */
  record ReplicaPatch(String kind, String name, Map<String, String> labels, boolean decidable, Value count,
      SourceRange at) {

    /** Whether it patches an object of {@code kind} named {@code name} (or {@code alias}) with {@code objLabels}. */
    boolean selects(String objKind, String objName, String alias, Map<String, Value> objLabels) {
      if (!kind.isEmpty() && !kind.equals(objKind)) {
        return false;
      }
      if (!name.isEmpty() && !name.equals(objName) && !name.equals(alias)) {
        return false;
      }
      for (Map.Entry<String, String> l : labels.entrySet()) {
        if (!objLabels.containsKey(l.getKey())
            || !objLabels.get(l.getKey()).asString().orElse("").equals(l.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /** A JSON 6902 patch file and the target it applies to. */
  record OpsFile(String path, Value target, SourceRange at) {}

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
    List<ReplicaPatch> replicaPatches = new ArrayList<>();
    List<OpsFile> opsFiles = new ArrayList<>();
    for (String key : List.of("patches", "patchesStrategicMerge", "patchesJson6902")) {
      for (Value item : root.get(key).items()) {
        // an entry is a path string (patchesStrategicMerge), or a map with a path; inline patches name no file
        Value path = item instanceof Value.MapValue ? item.get("path") : item;
        SourceRange at = item.location().orElse(SourceRange.at(file, 1, 1));
        Optional<String> local = path.asString().filter(p -> !p.contains("\n")).flatMap(p -> resolve(dir, p));
        local.ifPresent(p -> patches.putIfAbsent(p, at));
        Value target = item.get("target");
        if (local.isPresent() && target instanceof Value.MapValue) {
          opsFiles.add(new OpsFile(local.get(), target, at));
        }
        Value inline = item instanceof Value.MapValue ? item.get("patch") : path.asString()
            .filter(p -> p.contains("\n")).map(p -> path).orElse(Value.absent());
        HelmValues.yaml(inline).ifPresent(patch -> replicaPatches.addAll(replicaPatches(patch, target)));
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
        root.get("namePrefix").asString(), root.get("nameSuffix").asString(), replicas, List.copyOf(labels),
        List.copyOf(replicaPatches), List.copyOf(opsFiles));
  }

  /**
   * The {@code spec.replicas} a patch sets: JSON 6902 {@code add} / {@code replace} operations on
   * {@code /spec/replicas} for its target, or a strategic-merge object with {@code spec.replicas}.
   */
  static List<ReplicaPatch> replicaPatches(Value patch, Value target) {
    List<ReplicaPatch> out = new ArrayList<>();
    if (patch instanceof Value.ListValue ops) {
      for (Value op : ops.items()) {
        String verb = op.get("op").asString().orElse("");
        if ((verb.equals("add") || verb.equals("replace")) && op.get("path").asString().orElse("")
            .equals("/spec/replicas")) {
          Value count = op.get("value");
          SourceRange at = count.location().or(op::location).orElse(null);
          if (at != null && target instanceof Value.MapValue) {
            out.add(targeted(target, "", "", count, at));
          }
        }
      }
    } else if (patch instanceof Value.MapValue object && !patch.path("spec.replicas").isAbsent()) {
      Value count = patch.path("spec.replicas");
      SourceRange at = count.location().or(object::location).orElse(null);
      if (at != null) {
        out.add(targeted(target, object.get("kind").asString().orElse(""),
            object.path("metadata.name").asString().orElse(""), count, at));
      }
    }
    return out;
  }

  /** What a target selects: exact names and equality label selectors are read, anything else is not. */
  private static ReplicaPatch targeted(Value target, String kind, String name, Value count, SourceRange at) {
    String k = target.get("kind").asString().orElse(kind);
    String n = target.get("name").asString().orElse(name);
    boolean decidable = (n.isEmpty() || n.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?"))
        && target.get("annotationSelector").isAbsent();
    Map<String, String> labels = new LinkedHashMap<>();
    Value selector = target.get("labelSelector");
    if (!selector.isAbsent()) {
      String text = selector.asString().orElse("");
      for (String term : text.split(",")) {
        String[] kv = term.trim().split("==?", 2);
        if (kv.length != 2 || kv[0].isBlank() || kv[0].contains("!") || kv[1].contains(" ")) {
          decidable = false; // set-based selectors (in, notin, !key) are not read
        } else {
          labels.put(kv[0].trim(), kv[1].trim());
        }
      }
    }
    return new ReplicaPatch(k, n, Map.copyOf(labels), decidable, count, at);
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
