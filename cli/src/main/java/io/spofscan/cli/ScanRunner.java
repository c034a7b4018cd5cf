package io.spofscan.cli;

import io.spofscan.cli.aws.DeployedStackScanner;
import io.spofscan.core.baseline.Baseline;
import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.core.suppress.MetaRules;
import io.spofscan.core.suppress.Suppression;
import io.spofscan.core.suppress.SuppressionFinder;
import io.spofscan.core.suppress.Suppressor;
import io.spofscan.parsers.Parsers;
import io.spofscan.parsers.cloudformation.CfnParameterFiles;
import io.spofscan.parsers.yaml.DocumentParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One scan, start to end: find files, parse them into the model, run the rules, apply configuration, suppressions
 * and a baseline, and build the {@link ScanReport} every writer renders.
 */
final class ScanRunner {
  static final String STDIN = "-";
  static final String STDIN_NAME = "<stdin>";

  private final ScanInputs inputs;
  private final Map<String, String> environment;
  private final InputStream stdin;
  private final Consumer<String> progress;

  ScanRunner(ScanInputs inputs, Map<String, String> environment, InputStream stdin, Consumer<String> progress) {
    this.inputs = inputs;
    this.environment = environment;
    this.stdin = stdin;
    this.progress = progress;
  }

  /** The result of a scan: the report plus what the gate needs. */
  record Outcome(ScanReport report, SpofscanConfig config, Path repoRoot) {}

  Outcome run(Path baselineFile) {
    boolean stacks = inputs.cfnStacks.requested();
    List<String> given = !inputs.paths.isEmpty() ? inputs.paths : stacks ? List.of() : List.of(".");
    boolean readStdin = given.contains(STDIN);
    List<Path> paths = given.stream().filter(p -> !p.equals(STDIN)).map(Path::of).toList();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UserError("no such file or directory: " + p);
      }
      if (!Files.isReadable(p)) {
        throw new UserError("cannot read: " + p);
      }
    }
    Path repoRoot = repoRoot(paths);
    SpofscanConfig config = config(paths);

    List<Diagnostic> diagnostics = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    if (!paths.isEmpty()) {
      try {
        FileWalker.Result walked = new FileWalker(repoRoot).walk(paths);
        files.addAll(walked.files());
        diagnostics.addAll(walked.diagnostics());
      } catch (IOException e) {
        throw new UserError("cannot scan: " + e.getMessage(), e);
      }
    }
    files = excluded(files, config);
    long maxBytes = inputs.maxFileSize != null ? inputs.maxFileSize : ScanOptions.DEFAULT_MAX_FILE_BYTES;
    files = withinSize(files, maxBytes, diagnostics);

    ScanOptions options = new ScanOptions(vars(config), varFiles(config), terraformEnv(), params(config),
        inputs.namespace != null ? inputs.namespace : config.namespace().orElse("default"), maxBytes);

    String stdinText = null;
    if (readStdin) {
      try {
        stdinText = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserError("cannot read standard input: " + e.getMessage(), e);
      }
    }
    progress.accept("parsing " + files.size() + " file" + (files.size() == 1 ? "" : "s"));
    Model model = Parsers.parse(files, options);
    if (stacks) {
      // only here: a scan without --cfn-stack loads no AWS SDK class
      model = Model.merge(List.of(model, DeployedStackScanner.scan(inputs.cfnStacks, options, progress)));
    }
    List<Suppression> comments = commentSuppressions(files, model.resources());
    if (stdinText != null) {
      model = Model.merge(List.of(model, new DocumentParser(options).parseText(STDIN_NAME, stdinText)));
      comments.addAll(SuppressionFinder.comments(STDIN_NAME, stdinText));
    }
    int filesScanned = files.size() + (stdinText != null ? 1 : 0) + inputs.cfnStacks.stacks().size();
    List<Rule> rules = RuleCatalog.builtIn().stream()
        .filter(r -> !config.disabledRules().contains(r.meta().id())).toList();
    int resources = model.resources().size();
    progress.accept("checking " + resources + " resource" + (resources == 1 ? "" : "s"));
    Analyzer.Analysis analysis = new Analyzer(rules).analyze(model);
    diagnostics.addAll(analysis.diagnostics());

    List<Finding> findings = analysis.findings().stream()
        .map(f -> config.severities().containsKey(f.ruleId()) ? f.withSeverity(config.severities().get(f.ruleId()))
          : f)
        .toList();
    Suppressor.Result suppressed = new Suppressor(LocalDate.now(ZoneOffset.UTC))
        .apply(findings, model.resources(), comments);
    findings = suppressed.findings().stream()
        .filter(f -> !config.disabledRules().contains(f.ruleId())).toList();

    ScanReport.BaselineSummary baselineSummary = null;
    if (baselineFile != null) {
      Baseline baseline = BaselineFile.read(baselineFile);
      Baseline.Outcome applied = baseline.apply(findings);
      findings = applied.newFindings();
      baselineSummary = new ScanReport.BaselineSummary(baselineFile.toString(), applied.baselined().size(),
          applied.gone());
    }

    List<RuleMeta> metas = new ArrayList<>();
    for (Rule r : rules) {
      metas.add(withSeverity(r.meta(), config.severities().get(r.meta().id())));
    }
    MetaRules.ALL.stream().filter(m -> !config.disabledRules().contains(m.id())).forEach(metas::add);
    List<Diagnostic> allDiagnostics = diagnostics.stream().sorted().distinct().toList();
    ScanReport report = new ScanReport(VersionProvider.version(), metas, findings, allDiagnostics, filesScanned,
        model.resources().size(), suppressed.suppressed(), baselineSummary);
    return new Outcome(report, config, repoRoot);
  }

  private static RuleMeta withSeverity(RuleMeta m, Severity s) {
    return s == null ? m : new RuleMeta(m.id(), m.title(), s, m.formats(), m.rationale(), m.remediation(), m.tags(),
        m.references(), m.helpMarkdown());
  }

  /** The nearest ancestor of the first path holding {@code .git}, else the current directory. */
  Path repoRoot(List<Path> paths) {
    if (inputs.repoRoot != null) {
      if (!Files.isDirectory(inputs.repoRoot)) {
        throw new UserError("--repo-root is not a directory: " + inputs.repoRoot);
      }
      return inputs.repoRoot.toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (paths.isEmpty()) {
      return cwd;
    }
    Path start = paths.get(0).toAbsolutePath().normalize();
    for (Path p = Files.isDirectory(start) ? start : start.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return cwd;
  }

  private SpofscanConfig config(List<Path> paths) {
    Set<String> known = new HashSet<>();
    RuleCatalog.allMetas().forEach(m -> known.add(m.id()));
    if (inputs.config != null) {
      if (!Files.isRegularFile(inputs.config)) {
        throw new UserError("no such configuration file: " + inputs.config);
      }
      return SpofscanConfig.read(inputs.config, known);
    }
    Path first = paths.isEmpty() ? Path.of("") : paths.get(0);
    Path dir = Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
    Path candidate = dir == null ? null : dir.resolve(SpofscanConfig.FILE_NAME);
    return candidate != null && Files.isRegularFile(candidate) ? SpofscanConfig.read(candidate, known)
        : SpofscanConfig.none();
  }

  /** Drops files matching the configuration's exclude globs, relative to the configuration file's directory. */
  private static List<SourceFile> excluded(List<SourceFile> files, SpofscanConfig config) {
    if (config.exclude().isEmpty()) {
      return new ArrayList<>(files);
    }
    List<PathMatcher> matchers = config.exclude().stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    Path base = config.baseDir();
    List<SourceFile> kept = new ArrayList<>();
    for (SourceFile f : files) {
      Path abs = f.file().toAbsolutePath().normalize();
      Path rel = abs.startsWith(base) ? base.relativize(abs) : Path.of(f.displayPath());
      boolean skip = false;
      for (Path p = rel; p != null && !skip; p = p.getParent()) {
        for (PathMatcher m : matchers) {
          if (m.matches(p)) {
            skip = true;
            break;
          }
        }
      }
      if (!skip) {
        kept.add(f);
      }
    }
    return kept;
  }

  private static List<SourceFile> withinSize(List<SourceFile> files, long max, List<Diagnostic> diagnostics) {
    List<SourceFile> kept = new ArrayList<>();
    for (SourceFile f : files) {
      try {
        long size = Files.size(f.file());
        if (size > max) {
          diagnostics.add(Diagnostic.warning(SourceRange.at(f.displayPath(), 1, 1),
              "file is " + size + " bytes, over the " + max + "-byte limit (--max-file-size): skipped"));
          continue;
        }
      } catch (IOException e) {
        diagnostics.add(Diagnostic.error(SourceRange.at(f.displayPath(), 1, 1), "cannot read: " + e.getMessage()));
        continue;
      }
      kept.add(f);
    }
    return kept;
  }

  private Map<String, String> vars(SpofscanConfig config) {
    Map<String, String> vars = new LinkedHashMap<>(config.vars());
    vars.putAll(inputs.vars);
    return vars;
  }

  private List<Path> varFiles(SpofscanConfig config) {
    List<Path> files = new ArrayList<>(config.varFiles());
    files.addAll(inputs.varFiles);
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new UserError("no such var file: " + f);
      }
    }
    return files;
  }

  private Map<String, String> params(SpofscanConfig config) {
    Map<String, String> params = new LinkedHashMap<>(config.params());
    List<Path> files = new ArrayList<>(config.paramFiles());
    files.addAll(inputs.paramFiles);
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new UserError("no such parameter file: " + f);
      }
      try {
        params.putAll(CfnParameterFiles.read(f));
      } catch (IOException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
    params.putAll(inputs.params);
    return params;
  }

  /** {@code TF_VAR_name=value} from the environment, keyed by variable name. */
  private Map<String, String> terraformEnv() {
    Map<String, String> env = new TreeMap<>();
    environment.forEach((k, v) -> {
      if (k.startsWith("TF_VAR_") && k.length() > "TF_VAR_".length()) {
        env.put(k.substring("TF_VAR_".length()), v);
      }
    });
    return env;
  }

  /** Comment suppressions of every file that declared a resource (other files cannot be suppressed into). */
  private static List<Suppression> commentSuppressions(List<SourceFile> files, List<Resource> resources) {
    Set<String> withResources = new HashSet<>();
    resources.forEach(r -> withResources.add(r.path()));
    List<Suppression> out = new ArrayList<>();
    files.stream().sorted(Comparator.comparing(SourceFile::displayPath))
        .filter(f -> withResources.contains(f.displayPath()))
        .forEach(f -> {
          try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(
                java.nio.ByteBuffer.wrap(Files.readAllBytes(f.file()))).toString();
            out.addAll(SuppressionFinder.comments(f.displayPath(), text));
          } catch (CharacterCodingException e) {
            // not UTF-8: the parser already reported it; no suppressions can be read from it
          } catch (IOException e) {
            // unreadable now though parsed a moment ago: the parser's diagnostics cover the file
          }
        });
    return out;
  }
}
