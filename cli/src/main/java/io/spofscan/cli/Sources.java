package io.spofscan.cli;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import io.spofscan.core.model.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The second stage: the files a scan reads, walked from the plan's paths, without the configuration's excluded
 * paths and files over the size limit (each reported), plus standard input's text when {@code -} was given.
 *
 * @param files the files to parse, sorted by display path
 * @param stdin standard input and its text, if read
 * @param diagnostics what the walk and the checks reported
 * @param contexts the context of every file walked (scanned or skipped for it), by display path
 * @param skipped how many files each skipped context left out
 */
record Sources(List<SourceFile> files, Optional<StdinText> stdin, List<Diagnostic> diagnostics,
    Map<String, Context> contexts, Map<Context, Integer> skipped) {

  /** Standard input as read. */
  record StdinText(StdinInput input, String text) {}

  static Sources collect(ScanPlan plan, InputStream stdin) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    if (!plan.paths().isEmpty()) {
      try {
        FileWalker.Result walked = new FileWalker(plan.repoRoot().dir()).walk(plan.paths());
        files.addAll(walked.files());
        diagnostics.addAll(walked.diagnostics());
      } catch (IOException e) {
        throw new UserError("cannot scan: " + OutputFiles.reason(e), e);
      }
    }
    files = notExcluded(files, plan.config());
    files = otherConfigurations(files, plan, diagnostics);
    Map<String, Context> contexts = new HashMap<>();
    Map<Context, Integer> skipped = new EnumMap<>(Context.class);
    files = inScannedContexts(files, plan, contexts, skipped);
    files = withinSize(files, plan.options().maxFileBytes(), diagnostics);
    Optional<StdinText> text = plan.stdin().map(input -> {
      try {
        return new StdinText(input, new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UserError("cannot read standard input: " + OutputFiles.reason(e), e);
      }
    });
    return new Sources(List.copyOf(files), text, List.copyOf(diagnostics), Map.copyOf(contexts),
        Map.copyOf(skipped));
  }

  /** The context of the file a finding or diagnostic names; standard input and unknown paths are production. */
  Context contextOf(String displayPath) {
    return contexts.getOrDefault(displayPath, Context.PRODUCTION);
  }

  /** Tells each file's context and drops those of skipped contexts, counting them. */
  private static List<SourceFile> inScannedContexts(List<SourceFile> files, ScanPlan plan,
      Map<String, Context> contexts, Map<Context, Integer> skipped) {
    List<SourceFile> kept = new ArrayList<>();
    for (SourceFile f : files) {
      Context c = plan.contexts().classifier().classify(underScanRoot(f, plan.repoRoot().dir()),
          relativeToConfig(f, plan.config()));
      contexts.put(f.displayPath(), c);
      if (plan.contexts().skipped().contains(c)) {
        skipped.merge(c, 1, Integer::sum);
      } else {
        kept.add(f);
      }
    }
    return kept;
  }

  /**
   * The file's path below the scan root it was found under: conventions never read folders above it, so scanning
   * {@code testdata/examples} judges {@code kubernetes/web.yaml}, not {@code testdata/...}.
   */
  static String underScanRoot(SourceFile f, Path displayBase) {
    Path root = f.root().toAbsolutePath().normalize();
    Path base = displayBase.toAbsolutePath().normalize();
    String shown = f.displayPath();
    if (!root.startsWith(base)) {
      return shown; // shown relative to the scan root already
    }
    String prefix = base.relativize(root).toString().replace('\\', '/');
    if (prefix.isEmpty()) {
      return shown;
    }
    return shown.startsWith(prefix + "/") ? shown.substring(prefix.length() + 1) : f.fileName();
  }

  /** Files scanned, standard input counted as one. */
  int count() {
    return files.size() + (stdin.isPresent() ? 1 : 0);
  }

  /** Drops files matching the configuration's exclude globs, relative to the configuration file's directory. */
  private static List<SourceFile> notExcluded(List<SourceFile> files, SpofscanConfig config) {
    if (config.exclude().isEmpty()) {
      return files;
    }
    List<PathMatcher> matchers = config.exclude().stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    return files.stream().filter(f -> !matchesOrIsUnder(relativeToConfig(f, config), matchers)).toList();
  }

  static Path relativeToConfig(SourceFile f, SpofscanConfig config) {
    Path base = config.baseDir();
    Path abs = f.file().toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs) : Path.of(f.displayPath());
  }

  private static boolean matchesOrIsUnder(Path rel, List<PathMatcher> matchers) {
    for (Path p = rel; p != null; p = p.getParent()) {
      for (PathMatcher m : matchers) {
        if (m.matches(p)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A {@code .spofscan.yml} met on the walk is configuration, not infrastructure: never parsed, and when it is not
   * the one obeyed the user hears that it does not apply (one scan obeys one configuration).
   */
  private static List<SourceFile> otherConfigurations(List<SourceFile> files, ScanPlan plan,
      List<Diagnostic> diagnostics) {
    Path config = plan.config().file();
    Path obeyed = config == null ? null : config.toAbsolutePath().normalize();
    List<SourceFile> kept = new ArrayList<>();
    for (SourceFile f : files) {
      if (!f.fileName().equals(SpofscanConfig.FILE_NAME)) {
        kept.add(f);
      } else if (!f.file().toAbsolutePath().normalize().equals(obeyed)) {
        diagnostics.add(Diagnostic.info(SourceRange.at(f.displayPath(), 1, 1), "configuration file not used by "
            + "this scan (it obeys " + (config == null ? "none" : plan.repoRoot().display(config))
            + "): scan its folder on its own, or pass --config"));
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
        diagnostics.add(Diagnostic.error(SourceRange.at(f.displayPath(), 1, 1), "cannot read: "
            + OutputFiles.reason(e)));
        continue;
      }
      kept.add(f);
    }
    return kept;
  }
}
