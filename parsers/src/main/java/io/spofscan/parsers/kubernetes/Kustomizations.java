package io.spofscan.parsers.kubernetes;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.model.ValueOrigin;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.yaml.ParseLimits;
import io.spofscan.parsers.yaml.ParsedDocuments;
import io.spofscan.parsers.yaml.TextDecoder;
import io.spofscan.parsers.yaml.YamlTreeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kustomize awareness without running kustomize: the scan's {@code kustomization.yaml} files decide what the
 * Kubernetes documents beside them are.
 *
 * <ul>
 *   <li>A file a kustomization uses as a patch ({@code patches}, {@code patchesStrategicMerge},
 *       {@code patchesJson6902}, also in components) holds partial objects: its documents leave the model. So does
 *       any document with a strategic-merge directive ({@code $patch: delete}, {@code $patch: replace},
 *       {@code $setElementOrder/...}, {@code $retainKeys}).</li>
 *   <li>An object in a file a kustomization lists gets the kustomization's {@code namespace} (in its address, which
 *       is what relations compare), {@code namePrefix}/{@code nameSuffix} (address only: kustomize renames the
 *       references too, so relations keep comparing the names as written), {@code replicas:} (the new
 *       {@code spec.replicas} is located at the kustomization's {@code count}, so a finding points there) and
 *       labels ({@code commonLabels}, {@code labels:} with {@code includeSelectors}/{@code includeTemplates}).</li>
 *   <li>Overlays: when the listing kustomization is itself listed by exactly one other (a base with one overlay),
 *       the outer one's settings apply on top, and so on up. A base listed by several overlays (dev, prod) is
 *       judged as its own kustomization builds it: no overlay's settings apply, since the scan would otherwise
 *       have to pick one. Patches are never merged into objects ({@code --render} runs kustomize for that).</li>
 * </ul>
 */
public final class Kustomizations {
  static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
  /** Kinds whose {@code spec.replicas} kustomize's {@code replicas:} field sets. */
  private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet",
      "ReplicationController");

  private final Map<String, Kustomization> byDir = new LinkedHashMap<>();
  private final Map<String, List<Kustomization>> listingFile = new LinkedHashMap<>();
  private final Map<String, List<Kustomization>> listingDir = new LinkedHashMap<>();
  private final Map<String, Kustomization> patchOwner = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  /** The documents of each patch file, by path: their {@code spec.replicas} scale the object they patch. */
  private final Map<String, List<Resource>> patchObjects = new LinkedHashMap<>();

  private Kustomizations() {}

  /**
   * Applies the kustomizations among {@code files} (and {@code Kustomization} files beside them) to the model of
   * those files' documents.
   */
  public static Model apply(Model documents, List<SourceFile> files, ScanOptions options) {
    Kustomizations k = new Kustomizations();
    k.read(files, options.maxFileBytes());
    return k.applyTo(documents);
  }

  private void read(List<SourceFile> files, long maxBytes) {
    Map<String, SourceFile> found = new LinkedHashMap<>();
    Set<String> dirsSeen = new HashSet<>();
    for (SourceFile f : files) {
      if (Kustomization.isKustomizationFile(f.fileName())) {
        found.putIfAbsent(f.displayPath(), f);
      }
      // `Kustomization` has no suffix, so the walk never offers it: look beside the files it did offer
      String dir = Kustomization.parentOf(f.displayPath());
      Path folder = f.file().getParent();
      if (folder != null && dirsSeen.add(dir)) {
        Path bare = folder.resolve("Kustomization");
        if (Files.isRegularFile(bare) && bare.toAbsolutePath().normalize().startsWith(
            f.root().toAbsolutePath().normalize())) {
          String shown = dir.isEmpty() ? "Kustomization" : dir + "/Kustomization";
          found.putIfAbsent(shown, new SourceFile(bare, shown, f.root()));
        }
      }
    }
    for (SourceFile f : found.values()) {
      List<Diagnostic> problems = new ArrayList<>();
      Optional<String> text = TextDecoder.read(f, maxBytes, problems);
      Optional<Value.MapValue> root = text.flatMap(t -> root(f.displayPath(), t));
      if (root.isEmpty()) {
        diagnostics.add(Diagnostic.warning(SourceRange.at(f.displayPath(), 1, 1), "kustomization could not be "
            + "read: its patches, namespace and replicas are not applied"));
        continue;
      }
      Kustomization k = withOpsFiles(Kustomization.read(f.displayPath(), root.get()), files, maxBytes);
      if (byDir.putIfAbsent(k.dir(), k) != null) {
        continue; // kustomize refuses a folder with two; the first (by name) is the one the note names
      }
    }
    for (Kustomization k : byDir.values()) {
      for (String entry : k.resources()) {
        if (byDir.containsKey(entry)) {
          listingDir.computeIfAbsent(entry, e -> new ArrayList<>()).add(k);
        } else {
          listingFile.computeIfAbsent(entry, e -> new ArrayList<>()).add(k);
        }
      }
      for (String component : k.components()) {
        listingDir.computeIfAbsent(component, e -> new ArrayList<>()).add(k);
      }
      k.patches().keySet().forEach(p -> patchOwner.putIfAbsent(p, k));
    }
  }

  /** The kustomization with the replica counts its JSON 6902 patch files set. */
  private static Kustomization withOpsFiles(Kustomization k, List<SourceFile> files, long maxBytes) {
    if (k.opsFiles().isEmpty()) {
      return k;
    }
    List<Kustomization.ReplicaPatch> patches = new ArrayList<>(k.replicaPatches());
    for (Kustomization.OpsFile ops : k.opsFiles()) {
      for (SourceFile f : files) {
        if (f.displayPath().equals(ops.path())) {
          Optional<String> text = TextDecoder.read(f, maxBytes, new ArrayList<>());
          text.flatMap(t -> document(f.displayPath(), t))
              .ifPresent(root -> patches.addAll(Kustomization.replicaPatches(root, ops.target())));
        }
      }
    }
    return new Kustomization(k.file(), k.dir(), k.resources(), k.components(), k.patches(), k.namespace(),
        k.namePrefix(), k.nameSuffix(), k.replicas(), k.labels(), List.copyOf(patches), k.opsFiles());
  }

  private static Optional<Value.MapValue> root(String path, String text) {
    return document(path, text).filter(v -> v instanceof Value.MapValue).map(v -> (Value.MapValue) v);
  }

  private static Optional<Value> document(String path, String text) {
    try {
      ParsedDocuments parsed = new YamlTreeBuilder(path, text, ParseLimits.forFileCap(text.length() + 1L)).read();
      if (parsed.failed() || parsed.documents().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(parsed.documents().get(0).root());
    } catch (RuntimeException e) {
      return Optional.empty(); // a broken kustomization only loses its effects; the scan goes on
    }
  }

  private Model applyTo(Model documents) {
    List<Resource> kept = new ArrayList<>();
    int patches = 0;
    Map<String, Integer> patchDocsByFile = new LinkedHashMap<>();
    for (Resource r : documents.resources()) {
      if (patchOwner.containsKey(r.path())) {
        patchObjects.computeIfAbsent(r.path(), p -> new ArrayList<>()).add(r);
      }
    }
    for (Resource r : documents.resources()) {
      if (!r.format().equals(io.spofscan.core.model.Format.KUBERNETES)) {
        kept.add(r);
        continue;
      }
      Kustomization owner = patchOwner.get(r.path());
      if (owner != null) {
        patches++;
        patchDocsByFile.merge(r.path(), 1, Integer::sum);
        continue;
      }
      Optional<String> directive = patchDirective(r.body(), 0);
      if (directive.isPresent()) {
        patches++;
        diagnostics.add(Diagnostic.info(r.range(), "strategic-merge patch (" + directive.get() + "): a partial "
            + "object, not checked on its own"));
        continue;
      }
      List<Kustomization> chain = chain(r.path());
      kept.add(chain.isEmpty() ? r : transformed(r, chain));
    }
    patchDocsByFile.forEach((file, n) -> {
      Kustomization k = patchOwner.get(file);
      SourceRange listed = k.patches().get(file);
      diagnostics.add(Diagnostic.info(SourceRange.at(file, 1, 1), "kustomize patch (listed in " + listed.path()
          + ":" + listed.line() + "): " + n + (n == 1 ? " document not checked as an object"
          : " documents not checked as objects")));
    });
    List<Diagnostic> all = new ArrayList<>(documents.diagnostics());
    all.addAll(diagnostics);
    return new Model(kept, all, documents.patchDocuments() + patches);
  }

  /** The kustomization listing the file, then each that lists the previous one while there is exactly one. */
  private List<Kustomization> chain(String file) {
    List<Kustomization> owners = listingFile.get(file);
    if (owners == null || owners.size() != 1) {
      return List.of();
    }
    List<Kustomization> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Kustomization k = owners.get(0);
    while (k != null && seen.add(k.dir())) {
      chain.add(k);
      List<Kustomization> parents = listingDir.get(k.dir());
      k = parents != null && parents.size() == 1 ? parents.get(0) : null;
    }
    return chain;
  }

  /** The first strategic-merge directive key in the tree, if any. */
  static Optional<String> patchDirective(Value v, int depth) {
    if (depth > 64) {
      return Optional.empty();
    }
    if (v instanceof Value.MapValue m) {
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        String key = e.getKey();
        if (key.equals("$patch")) {
          return Optional.of("$patch: " + e.getValue().asString().orElse("?"));
        }
        if (key.startsWith("$setElementOrder/") || key.equals("$retainKeys")
            || key.startsWith("$deleteFromPrimitiveList/")) {
          return Optional.of(key);
        }
        Optional<String> inner = patchDirective(e.getValue(), depth + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
    } else if (v instanceof Value.ListValue l) {
      for (Value item : l.items()) {
        Optional<String> inner = patchDirective(item, depth + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /** The object as the chain of kustomizations (innermost first) outputs it. */
  private Resource transformed(Resource r, List<Kustomization> chain) {
    String kind = r.kindName();
    String[] parts = r.address().split("/", -1);
    boolean namespaced = parts.length >= 3;
    String original = r.attr("metadata.name").asString().orElse(parts[parts.length - 1]);
    String name = original;
    String namespace = namespaced ? parts[1] : null;
    Value.MapValue body = r.body();
    List<ValueOrigin> origins = new ArrayList<>(r.origins());
    for (Kustomization k : chain) {
      String before = name;
      name = k.namePrefix().orElse("") + name + k.nameSuffix().orElse("");
      if (namespaced && k.namespace().isPresent()) {
        namespace = k.namespace().get().asString().orElse(namespace);
      }
      if (SCALABLE.contains(kind)) {
        // kustomize applies a level's patches, then its replicas: field
        for (String patchFile : k.patches().keySet()) {
          for (Resource patch : patchObjects.getOrDefault(patchFile, List.of())) {
            String target = patch.attr("metadata.name").asString().orElse("");
            if (patch.kindName().equals(kind) && (target.equals(before) || target.equals(original))
                && patch.attr("spec.replicas") instanceof Value.Scalar scalar) {
              body = withReplicas(r, body, scalar, origins, "replicas set by patch " + patchFile);
            }
          }
        }
        for (Kustomization.ReplicaPatch p : k.replicaPatches()) {
          if (p.decidable() && p.selects(kind, before, original, body.path("metadata.labels").entries())) {
            body = withReplicas(r, body, p.count(), p.at(), origins, "replicas set by a patch in " + k.file());
          } else if (!p.decidable() && (p.kind().isEmpty() || p.kind().equals(kind))) {
            body = withReplicas(r, body, Value.unknown("a patch in " + k.file() + ", whose target (a name pattern "
                + "or a selector not read here) may select it", p.at()), p.at(), origins, "");
          }
        }
        Value count = k.replicas().get(before);
        if (count == null) {
          count = k.replicas().get(original);
        }
        if (count instanceof Value.Scalar scalar) {
          body = withReplicas(r, body, scalar, origins, "replicas set by " + k.file());
        }
      }
      for (Kustomization.Labels labels : k.labels()) {
        body = withLabels(body, kind, labels, r.range());
      }
    }
    String address = namespaced ? kind + "/" + namespace + "/" + name : kind + "/" + name;
    return new Resource(r.format(), r.type(), address, r.range(), body, r.references(), r.existence(),
        r.callChain(), origins);
  }

  /**
   * The body with {@code spec.replicas} decided elsewhere. The value lives where the manifest writes it (or its
   * {@code spec}); the origin says where it is decided, so a finding points at the kustomization or patch line
   * with the manifest line as related.
   */
  private static Value.MapValue withReplicas(Resource r, Value.MapValue body, Value.Scalar decidedBy,
      List<ValueOrigin> origins, String how) {
    return withReplicas(r, body, decidedBy, decidedBy.location().orElse(null), origins, how);
  }

  private static Value.MapValue withReplicas(Resource r, Value.MapValue body, Value decidedBy, SourceRange at,
      List<ValueOrigin> origins, String how) {
    Value spec = body.get("spec");
    SourceRange written = spec.get("replicas").location().or(spec::location).orElse(r.range());
    SourceRange decided = at == null ? written : at;
    origins.removeIf(o -> o.attribute().equals(written));
    origins.add(new ValueOrigin(written, decided, how));
    Value value = decidedBy instanceof Value.Scalar s ? Value.of(s.value(), written)
        : Value.unknown(decidedBy.unknownReason().orElse("a value a patch sets that is not a number"), written);
    return put(body, List.of("spec", "replicas"), value, r.range());
  }

  private static Value.MapValue withLabels(Value.MapValue body, String kind, Kustomization.Labels labels,
      SourceRange at) {
    Value.MapValue out = body;
    for (Map.Entry<String, Value> pair : labels.pairs().entrySet()) {
      Value v = pair.getValue();
      out = put(out, List.of("metadata", "labels", pair.getKey()), v, at);
      if (labels.templates() && out.get("spec").get("template") instanceof Value.MapValue) {
        out = put(out, List.of("spec", "template", "metadata", "labels", pair.getKey()), v, at);
      }
      if (labels.selectors() && out.get("spec").get("selector") instanceof Value.MapValue) {
        out = kind.equals("Service")
            ? put(out, List.of("spec", "selector", pair.getKey()), v, at)
            : put(out, List.of("spec", "selector", "matchLabels", pair.getKey()), v, at);
      }
    }
    return out;
  }

  /** {@code tree} with {@code value} at {@code path}, creating missing maps (located at {@code at}). */
  static Value.MapValue put(Value.MapValue tree, List<String> path, Value value, SourceRange at) {
    String key = path.get(0);
    Map<String, Value> entries = new LinkedHashMap<>(tree.entries());
    if (path.size() == 1) {
      entries.put(key, value);
    } else {
      Value child = tree.get(key);
      if (child.isAbsent() || child.isNull()) {
        child = new Value.MapValue(Map.of(), at);
      }
      if (!(child instanceof Value.MapValue m)) {
        return tree; // a list or an unknown value there: leave it as written
      }
      entries.put(key, put(m, path.subList(1, path.size()), value, at));
    }
    return new Value.MapValue(entries, tree.range());
  }
}
