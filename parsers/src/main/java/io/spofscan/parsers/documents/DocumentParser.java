package io.spofscan.parsers.documents;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.OrderedParallel;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.cloudformation.CfnTemplateDetector;
import io.spofscan.parsers.cloudformation.CloudFormationReader;
import io.spofscan.parsers.cloudformation.CloudFormationReader.ChildTemplate;
import io.spofscan.parsers.kubernetes.KubernetesReader;
import io.spofscan.parsers.yaml.LocatedDocuments;
import io.spofscan.parsers.yaml.ParseLimits;
import io.spofscan.parsers.yaml.ParsedDocuments;
import io.spofscan.parsers.yaml.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * YAML and JSON documents: CloudFormation templates and Kubernetes manifests, told apart by content. Anything else
 * (a docker-compose file, a workflow, package.json, Terraform plan JSON) is skipped silently unless it clearly is
 * one of these formats but does not parse. Helm charts and kustomizations are reported once with the command that
 * renders them, since their sources are not the objects a cluster receives.
 */
public final class DocumentParser {
  private static final Pattern LOOKS_LIKE_IAC = Pattern.compile(
      "AWSTemplateFormatVersion|^\\s*[\"']?apiVersion[\"']?\\s*:|Type[\"']?\\s*:\\s*[\"']?(AWS|Alexa|Custom)::",
      Pattern.MULTILINE);
  private static final Set<String> KUSTOMIZATION_NAMES = Set.of("kustomization.yaml", "kustomization.yml",
      "Kustomization");

  private final ScanOptions options;
  private final ParseLimits limits;

  private final int threads;

  public DocumentParser(ScanOptions options) {
    this(options, OrderedParallel.defaultThreads());
  }

  /** @param threads files read and parsed at once; results are the same for any value */
  public DocumentParser(ScanOptions options, int threads) {
    this.options = options;
    this.limits = ParseLimits.forFileCap(options.maxFileBytes());
    this.threads = Math.max(1, threads);
  }

  /** One file read and parsed, kept for the second pass (nested stacks may refer to it). */
  private record Loaded(SourceFile file, ParsedDocuments parsed, List<Diagnostic> readProblems, String text) {}

  public Model parse(List<SourceFile> files) {
    List<Resource> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<String> chartDirs = new HashSet<>();
    for (SourceFile f : files) {
      if (f.fileName().equals("Chart.yaml") || f.fileName().equals("Chart.yml")) {
        chartDirs.add(parentOf(f.displayPath()));
      }
    }
    // per file, in file order; only CloudFormation templates stay in memory until nested stacks are resolved
    Map<String, List<Resource>> resourcesByFile = new LinkedHashMap<>();
    Map<String, List<Diagnostic>> diagnosticsByFile = new LinkedHashMap<>();
    Map<String, Loaded> loaded = new LinkedHashMap<>();
    List<SourceFile> manifests = new ArrayList<>();
    for (SourceFile f : files) {
      String dir = parentOf(f.displayPath());
      if (chartDirs.contains(dir) && (f.fileName().equals("Chart.yaml") || f.fileName().equals("Chart.yml"))) {
        if (enclosingChart(dir, chartDirs).isEmpty()) {
          diagnostics.add(Diagnostic.info(SourceRange.at(f.displayPath(), 1, 1), "Helm chart " + shown(dir)
              + ": its templates are not YAML until rendered; scan them with `helm template " + shown(dir)
              + " | spofscan scan -`"));
        }
        continue;
      }
      if (insideChartTemplates(f.displayPath(), chartDirs)) {
        continue;
      }
      if (KUSTOMIZATION_NAMES.contains(f.fileName())) {
        diagnostics.add(Diagnostic.info(SourceRange.at(f.displayPath(), 1, 1), "kustomization " + shown(dir)
            + ": scan what it builds with `kustomize build " + shown(dir) + " | spofscan scan -`"));
        continue;
      }
      manifests.add(f);
    }
    // Reading and YAML parsing run in parallel; classification stays in file order.
    OrderedParallel.forEach(manifests, threads, this::load, l -> {
      SourceFile f = l.file();
      resourcesByFile.put(f.displayPath(), new ArrayList<>());
      diagnosticsByFile.put(f.displayPath(), new ArrayList<>());
      if (isTemplate(l)) {
        loaded.put(f.displayPath(), l);
      } else {
        classify(f.displayPath(), identity(f), l, (parent, rel) -> Optional.empty(),
            resourcesByFile.get(f.displayPath()), diagnosticsByFile.get(f.displayPath()));
      }
    });
    Set<String> nestedChildren = nestedChildren(loaded);
    for (Loaded l : loaded.values()) {
      if (nestedChildren.contains(l.file().displayPath())) {
        continue; // read through its parent, with the parameters the parent passes
      }
      classify(l.file().displayPath(), identity(l.file()), l, childLoader(l.file(), loaded),
          resourcesByFile.get(l.file().displayPath()), diagnosticsByFile.get(l.file().displayPath()));
    }
    resourcesByFile.values().forEach(resources::addAll);
    diagnosticsByFile.values().forEach(diagnostics::addAll);
    return new Model(resources, diagnostics);
  }

  /** A template or manifest stream given as text (stdin, a deployed stack's template); lines count in the text. */
  public Model parseText(String displayPath, String text) {
    List<Resource> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Loaded l;
    if (text.length() > limits.maxChars()) {
      l = new Loaded(null, LocatedDocuments.none(), List.of(Diagnostic.error(SourceRange.at(displayPath, 1, 1),
          "input is larger than " + limits.maxChars() + " characters: not read")), "");
    } else {
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      l = new Loaded(null, LocatedDocuments.read(displayPath, body, LocatedDocuments.looksLikeJson(body), limits),
          List.of(), body);
    }
    classify(displayPath, "text:" + displayPath, l, (parent, rel) -> Optional.empty(), resources, diagnostics);
    if (l.parsed().failed() && !diagnostics.contains(l.parsed().error().get())) {
      diagnostics.add(l.parsed().error().get()); // text given explicitly: whatever it is, say why it was not read
    }
    diagnostics.addAll(l.readProblems().stream().filter(d -> !diagnostics.contains(d)).toList());
    return new Model(resources, diagnostics);
  }

  private void classify(String path, String identity, Loaded l, CloudFormationReader.ChildLoader loader,
      List<Resource> resources, List<Diagnostic> diagnostics) {
    ParsedDocuments parsed = l.parsed();
    boolean template = path.toLowerCase(Locale.ROOT).endsWith(".template");
    Value first = parsed.documents().isEmpty() ? null : parsed.documents().get(0).root();
    boolean cfn = first != null && (CfnTemplateDetector.looksLike(first)
        || (template && first instanceof Value.MapValue m && m.entries().containsKey("Resources")));
    boolean k8s = !cfn && parsed.documents().stream().anyMatch(d -> KubernetesReader.isObject(d.root()));
    if (cfn) {
      diagnostics.addAll(l.readProblems());
      parsed.error().ifPresent(diagnostics::add);
      new CloudFormationReader(options, loader).read(path, identity, parsed, resources, diagnostics);
    } else if (k8s) {
      diagnostics.addAll(l.readProblems());
      parsed.error().ifPresent(diagnostics::add);
      new KubernetesReader(options.defaultNamespace()).read(parsed, resources, diagnostics);
    } else if (!l.readProblems().isEmpty() && (l.text().isEmpty() || parsed.failed())) {
      diagnostics.addAll(l.readProblems());
      parsed.error().ifPresent(diagnostics::add);
    } else if (parsed.failed() && LOOKS_LIKE_IAC.matcher(l.text()).find()) {
      diagnostics.addAll(l.readProblems());
      diagnostics.add(parsed.error().get());
    }
  }

  private Loaded load(SourceFile f) {
    String path = f.displayPath();
    try {
      long size = Files.size(f.file());
      if (size > options.maxFileBytes()) {
        return new Loaded(f, LocatedDocuments.none(), List.of(Diagnostic.warning(SourceRange.at(path, 1, 1),
            "file is larger than " + options.maxFileBytes() + " bytes (" + size + "): skipped")), "");
      }
      byte[] bytes = Files.readAllBytes(f.file());
      TextDecoder.Decoded decoded = TextDecoder.decode(path, bytes);
      List<Diagnostic> problems = new ArrayList<>();
      decoded.error().ifPresent(problems::add);
      decoded.warning().ifPresent(problems::add);
      if (decoded.text().isEmpty()) {
        return new Loaded(f, LocatedDocuments.none(), problems, "");
      }
      String text = decoded.text().get();
      boolean json = f.fileName().toLowerCase(Locale.ROOT).endsWith(".json")
          || (f.fileName().toLowerCase(Locale.ROOT).endsWith(".template") && LocatedDocuments.looksLikeJson(text));
      return new Loaded(f, LocatedDocuments.read(path, text, json, limits), problems, text);
    } catch (IOException | RuntimeException e) {
      return new Loaded(f, LocatedDocuments.none(), List.of(Diagnostic.error(SourceRange.at(path, 1, 1),
          "cannot read: " + io.spofscan.core.scan.Failures.describe(e))), "");
    }
  }

  private static boolean isTemplate(Loaded l) {
    return !l.parsed().documents().isEmpty() && CfnTemplateDetector.looksLike(l.parsed().documents().get(0).root());
  }

  /** Display paths of templates some other scanned template includes as a local nested stack. */
  private static Set<String> nestedChildren(Map<String, Loaded> loaded) {
    Set<String> children = new HashSet<>();
    for (Loaded l : loaded.values()) {
      if (l.parsed().documents().isEmpty() || !CfnTemplateDetector.looksLike(l.parsed().documents().get(0).root())) {
        continue;
      }
      for (Value r : l.parsed().documents().get(0).root().get("Resources").entries().values()) {
        String type = r.get("Type").asString().orElse("");
        Value location = type.equals("AWS::CloudFormation::Stack") ? r.path("Properties.TemplateURL")
            : type.equals("AWS::Serverless::Application") ? r.path("Properties.Location") : Value.absent();
        if (location instanceof Value.Scalar) {
          location.asString()
              .flatMap(url -> childDisplayPath(l.file().displayPath(), url))
              .filter(child -> loaded.containsKey(child) && !child.equals(l.file().displayPath()))
              .ifPresent(children::add);
        }
      }
    }
    return children;
  }

  private CloudFormationReader.ChildLoader childLoader(SourceFile parent, Map<String, Loaded> loaded) {
    return (parentDisplayPath, relative) -> {
      Optional<String> display = childDisplayPath(parentDisplayPath, relative);
      if (display.isEmpty()) {
        return Optional.empty();
      }
      Loaded known = loaded.get(display.get());
      if (known != null) {
        return Optional.of(new ChildTemplate(display.get(), identity(known.file()), known.parsed(),
            known.readProblems()));
      }
      try {
        // display paths and files mirror each other below the top-level template's folder
        Path base = parent.file().toAbsolutePath().getParent();
        Path child = base.resolve(Path.of(parentOf(parent.displayPath())).relativize(Path.of(display.get())))
            .normalize();
        Path root = parent.root().toRealPath();
        if (!Files.isRegularFile(child) || !child.toRealPath().startsWith(root)) {
          return Optional.empty();
        }
        Loaded l = load(new SourceFile(child, display.get(), parent.root()));
        return Optional.of(new ChildTemplate(display.get(), child.toRealPath().toString(), l.parsed(),
            l.readProblems()));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    };
  }

  /** The display path of a template referenced as {@code relative} from {@code parentDisplayPath}. */
  static Optional<String> childDisplayPath(String parentDisplayPath, String relative) {
    String lower = relative.toLowerCase(Locale.ROOT);
    if (relative.isBlank() || lower.contains("://") || lower.startsWith("s3:") || relative.startsWith("/")) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    String dir = parentOf(parentDisplayPath);
    if (!dir.isEmpty()) {
      parts.addAll(List.of(dir.split("/")));
    }
    for (String segment : relative.replace('\\', '/').split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty() || parts.get(parts.size() - 1).equals("..")) {
          return Optional.empty(); // leaves the scan root
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(segment);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
  }

  private static String identity(SourceFile f) {
    try {
      return f.file().toRealPath().toString();
    } catch (IOException e) {
      return f.file().toAbsolutePath().normalize().toString();
    }
  }

  private static boolean insideChartTemplates(String displayPath, Set<String> chartDirs) {
    for (String chart : chartDirs) {
      String prefix = chart.isEmpty() ? "templates/" : chart + "/templates/";
      if (displayPath.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The chart folder that contains {@code dir} as a subchart, if any. */
  private static Optional<String> enclosingChart(String dir, Set<String> chartDirs) {
    for (String chart : chartDirs) {
      if (!chart.equals(dir) && (chart.isEmpty() || dir.startsWith(chart + "/"))) {
        return Optional.of(chart);
      }
    }
    return Optional.empty();
  }

  private static String parentOf(String displayPath) {
    int slash = displayPath.lastIndexOf('/');
    return slash < 0 ? "" : displayPath.substring(0, slash);
  }

  private static String shown(String dir) {
    return dir.isEmpty() ? "." : dir;
  }
}
