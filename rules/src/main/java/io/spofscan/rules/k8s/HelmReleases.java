package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Helm releases of a scan, each with the chart it installs ({@code publisher/chart}) and the values it gives,
 * merged as Helm merges them: Terraform {@code helm_release} ({@code values} in order, then {@code set} /
 * {@code set_list} / {@code set_sensitive}), Flux {@code HelmRelease} ({@code spec.values}) and Argo CD
 * {@code Application} ({@code helm.values}, then {@code helm.valuesObject}, then {@code helm.parameters}). Values
 * the scan cannot read (a {@code file()}, Flux {@code valuesFrom}, Argo {@code valueFiles}) make the whole tree
 * unknown, naming them: any value may come from there.
 */
final class HelmReleases {
  private HelmReleases() {}

  /** One release: its chart as the chart knowledge names it, its merged values, and how messages name it. */
  record Release(Resource resource, String chart, Value values, String name) {}

  /** Repository addresses of the publishers the chart knowledge covers. */
  private static final Map<String, String> PUBLISHERS = Map.of(
      "charts.bitnami.com/bitnami", "bitnami",
      "registry-1.docker.io/bitnamicharts", "bitnami",
      "helm.releases.hashicorp.com", "hashicorp",
      "kubernetes.github.io/ingress-nginx", "ingress-nginx",
      "argoproj.github.io/argo-helm", "argo",
      "charts.jetstack.io", "jetstack");

  static List<Release> of(Model model) {
    List<Release> out = new ArrayList<>();
    for (Resource r : model.resources()) {
      Optional<Release> release = r.format() == Format.TERRAFORM && r.type().equals("helm_release") ? terraform(r)
          : r.format() == Format.KUBERNETES && r.kindName().equals("HelmRelease") && api(r, "helm.toolkit.fluxcd.io")
          ? flux(r, model)
          : r.format() == Format.KUBERNETES && r.kindName().equals("Application") && api(r, "argoproj.io")
          ? argo(r) : Optional.empty();
      release.ifPresent(out::add);
    }
    return out;
  }

  private static boolean api(Resource r, String group) {
    return r.attr("apiVersion").asString().map(a -> a.startsWith(group + "/")).orElse(false);
  }

  private static Optional<Release> terraform(Resource r) {
    Optional<String> chart = chart(r.attr("chart").asString().orElse(""), r.attr("repository").asString());
    if (chart.isEmpty()) {
      return Optional.empty();
    }
    Value values = new Value.MapValue(Map.of(), r.range());
    Value list = r.attr("values");
    values = list.isUnknown() ? merge(values, list, "values") : values;
    for (Value item : list.items()) {
      values = merge(values, item, "an item of values");
    }
    for (String block : List.of("set", "set_list", "set_sensitive")) {
      Value sets = r.attr(block);
      values = sets.isUnknown() ? merge(values, sets, block) : values;
      for (Value set : sets.items()) {
        values = set(values, set.get("name"), set.get("value"));
      }
    }
    return Optional.of(new Release(r, chart.get(), values, r.address() + " (" + chart.get() + ")"));
  }

  private static Optional<Release> flux(Resource r, Model model) {
    Value spec = r.attr("spec.chart.spec");
    Value source = spec.get("sourceRef");
    String sourceName = source.get("name").asString().orElse("");
    Optional<String> url = Optional.empty();
    for (Resource repo : model.resources()) {
      if (repo.kindName().equals("HelmRepository") && repo.format() == Format.KUBERNETES
          && repo.attr("metadata.name").asString().orElse("").equals(sourceName)) {
        Optional<String> u = repo.attr("spec.url").asString();
        if (url.isPresent() && !url.equals(u)) {
          return Optional.empty(); // two repositories of that name: which one is meant is not decidable here
        }
        url = u;
      }
    }
    // a repository outside the scan is known by its conventional name ("bitnami") only
    String chartName = spec.get("chart").asString().orElse("");
    Optional<String> chart = url.isPresent() ? chart(chartName, url) : chart(sourceName + "/" + chartName,
        Optional.empty());
    if (chart.isEmpty()) {
      return Optional.empty();
    }
    Value values = new Value.MapValue(Map.of(), r.range());
    if (!r.attr("spec.valuesFrom").items().isEmpty()) {
      values = Value.unknown("the release's valuesFrom, which the scan does not read", r.attr("spec.valuesFrom")
          .location().orElse(r.range()));
    }
    values = merge(values, r.attr("spec.values"), "spec.values");
    return Optional.of(new Release(r, chart.get(), values, r.address() + " (" + chart.get() + ")"));
  }

  private static Optional<Release> argo(Resource r) {
    Value source = r.attr("spec.source");
    Optional<String> chart = source.get("chart").asString()
        .flatMap(c -> chart(c, source.get("repoURL").asString()));
    if (chart.isEmpty()) {
      return Optional.empty();
    }
    Value helm = source.get("helm");
    Value values = new Value.MapValue(Map.of(), r.range());
    if (!helm.get("valueFiles").items().isEmpty()) {
      values = Value.unknown("helm.valueFiles, files of the chart the scan does not read",
          helm.get("valueFiles").location().orElse(r.range()));
    }
    values = merge(values, helm.get("values"), "helm.values");
    values = merge(values, helm.get("valuesObject"), "helm.valuesObject");
    for (Value p : helm.get("parameters").items()) {
      values = set(values, p.get("name"), p.get("value"));
    }
    return Optional.of(new Release(r, chart.get(), values, r.address() + " (" + chart.get() + ")"));
  }

  /**
   * {@code publisher/chart} of a chart reference: a repository address the knowledge knows, an OCI reference with
   * the chart in it, or a repository alias ("bitnami/redis") named like its publisher.
   */
  static Optional<String> chart(String chart, Optional<String> repository) {
    String c = chart.strip().toLowerCase(Locale.ROOT);
    String repo = repository.orElse("").strip().toLowerCase(Locale.ROOT);
    if (c.startsWith("oci://") || c.startsWith("https://")) {
      int slash = c.lastIndexOf('/');
      repo = c.substring(0, slash);
      c = c.substring(slash + 1);
    }
    if (c.isEmpty()) {
      return Optional.empty();
    }
    if (repo.isEmpty()) {
      int slash = c.indexOf('/');
      return slash > 0 && PUBLISHERS.containsValue(c.substring(0, slash)) ? Optional.of(c) : Optional.empty();
    }
    String address = repo.replaceFirst("^(oci|https?)://", "").replaceAll("/+$", "");
    String publisher = PUBLISHERS.get(address);
    return publisher == null || c.contains("/") ? Optional.empty() : Optional.of(publisher + "/" + c);
  }

  /** {@code base} with {@code overlay} merged over it as Helm merges values files: maps deep, anything else wins. */
  private static Value merge(Value base, Value overlay, String what) {
    if (overlay.isAbsent() || overlay.isNull()) {
      return base;
    }
    if (base.isUnknown()) {
      return base;
    }
    if (!(overlay instanceof Value.MapValue m)) {
      return Value.unknown(what + " " + (overlay.isUnknown() ? "depends on " + overlay.unknownReason().orElse("")
          : "is not a YAML mapping the scan reads"), overlay.location().orElse(null));
    }
    return deepMerge((Value.MapValue) base, m);
  }

  private static Value.MapValue deepMerge(Value.MapValue base, Value.MapValue overlay) {
    Map<String, Value> out = new LinkedHashMap<>(base.entries());
    overlay.entries().forEach((k, v) -> out.merge(k, v, (a, b) -> a instanceof Value.MapValue am
        && b instanceof Value.MapValue bm ? deepMerge(am, bm) : b));
    return new Value.MapValue(out, base.range());
  }

  /** {@code --set name=value}: a dotted name ({@code \.} is a dot inside a key) over the values. */
  private static Value set(Value values, Value name, Value value) {
    Optional<String> n = name.asString();
    if (values.isUnknown() || !(values instanceof Value.MapValue m)) {
      return values;
    }
    if (n.isEmpty()) {
      return Value.unknown("a set name that " + (name.isUnknown() ? "depends on "
          + name.unknownReason().orElse("") : "is not written"), name.location().orElse(null));
    }
    List<String> path = new ArrayList<>();
    for (String part : n.get().split("(?<!\\\\)\\.", -1)) {
      path.add(part.replace("\\.", "."));
    }
    if (path.stream().anyMatch(p -> p.isEmpty() || p.contains("["))) {
      return values; // list indexes are not values the chart knowledge reads
    }
    return put(m, path, value, value.location().or(name::location).orElse(null));
  }

  private static Value.MapValue put(Value.MapValue tree, List<String> path, Value value, SourceRange at) {
    Map<String, Value> out = new LinkedHashMap<>(tree.entries());
    if (path.size() == 1) {
      out.put(path.get(0), value);
    } else {
      Value child = tree.get(path.get(0));
      Value.MapValue next = child instanceof Value.MapValue cm ? cm : new Value.MapValue(Map.of(), at);
      out.put(path.get(0), put(next, path.subList(1, path.size()), value, at));
    }
    return new Value.MapValue(out, tree.range());
  }
}
