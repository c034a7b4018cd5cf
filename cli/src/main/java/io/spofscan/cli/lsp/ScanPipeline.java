package io.spofscan.cli.lsp;

import io.spofscan.core.model.Model;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.core.suppress.Suppression;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the server needs of the scan pipeline for one workspace folder: the files, the options, and the analysis of
 * a model built here. The command line provides it, so this package never depends on the command line's.
 */
public interface ScanPipeline {
  /** Opens a workspace folder as {@code spofscan scan FOLDER --repo-root FOLDER} would scan it. */
  @FunctionalInterface
  interface Opener {
    /** @throws IllegalArgumentException when the folder or its configuration cannot be used (the message says why) */
    ScanPipeline open(Path folder, Map<String, String> environment);
  }

  /** The folder reported paths are relative to (absolute, normalized). */
  Path root();

  /** The files a scan would parse, as of the last walk, sorted by display path. */
  List<SourceFile> files();

  /** Walks the folder again (files were created or deleted). */
  void refresh();

  ScanOptions options();

  /** Files parsed at once on the first scan. */
  int threads();

  /** Metadata of every rule that can be reported. */
  List<RuleMeta> rules();

  /**
   * The rules, suppressions, ignores and severity overrides over {@code model}, as {@code spofscan scan} reports.
   *
   * @param comments the comment suppressions of one file (from the editor's text when it has one)
   */
  ScanReport analyze(Model model, Function<SourceFile, List<Suppression>> comments);
}
