package io.spofscan.cli;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.cli.lsp.ScanPipeline;
import io.spofscan.core.model.Model;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.core.suppress.Suppression;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scan pipeline as the editor server uses it: a workspace folder scanned as {@code spofscan scan FOLDER
 * --repo-root FOLDER} would be (its configuration, excludes, contexts, suppressions and ignores obeyed), with the
 * model built by the caller, unit by unit, so one edit re-parses one unit.
 */
public final class WorkspaceScan implements ScanPipeline {
  private final ScanPlan plan;
  private Sources sources;

  private WorkspaceScan(ScanPlan plan) {
    this.plan = plan;
    this.sources = Sources.collect(plan, InputStream.nullInputStream());
  }

  /** A {@link ScanPipeline.Opener}: the folder's configuration, walk and rule selection, decided now. */
  public static WorkspaceScan open(Path folder, Map<String, String> environment) {
    ScanInputs inputs = new ScanInputs();
    inputs.paths.add(folder.toString());
    inputs.repoRoot = folder;
    try {
      return new WorkspaceScan(ScanPlan.decide(inputs, ScanPlan.Gate.NONE, environment));
    } catch (UserError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The folder reported paths are relative to (absolute, normalized). */
  @Override
  public Path root() {
    return plan.repoRoot().dir();
  }

  /** The files a scan would parse now, sorted by display path. */
  @Override
  public List<SourceFile> files() {
    return sources.files();
  }

  /** What walking the folder reported (excluded configuration files, files over the size limit). */
  public List<Diagnostic> walkDiagnostics() {
    return sources.diagnostics();
  }

  /** Walks the folder again (a file was created or deleted). */
  @Override
  public void refresh() {
    sources = Sources.collect(plan, InputStream.nullInputStream());
  }

  @Override
  public ScanOptions options() {
    return plan.options();
  }

  /** Files parsed at once on the first scan. */
  @Override
  public int threads() {
    return plan.threads();
  }

  /** Metadata of every rule spofscan can report, with the configuration's severity overrides. */
  @Override
  public List<RuleMeta> rules() {
    return RuleCatalog.allMetas();
  }

  /**
   * The rules, suppressions, ignores and severity overrides over {@code model}, as {@code spofscan scan} reports them.
   *
   * @param comments the comment suppressions of one file (from the editor's text when it has one)
   */
  @Override
  public ScanReport analyze(Model model, Function<SourceFile, List<Suppression>> comments) {
    return ScanAnalysis.run(plan, sources, model, msg -> { }, comments);
  }

  /** The comment suppressions of a file as it is on disk. */
  public static List<Suppression> diskComments(SourceFile f) {
    return ScanAnalysis.diskComments(f);
  }
}
