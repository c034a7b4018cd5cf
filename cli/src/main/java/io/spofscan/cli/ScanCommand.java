package io.spofscan.cli;

import io.spofscan.core.report.GithubReport;
import io.spofscan.core.report.JsonReport;
import io.spofscan.core.report.JunitReport;
import io.spofscan.core.report.MarkdownReport;
import io.spofscan.core.report.ReportWriter;
import io.spofscan.core.report.SarifReport;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.report.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spofscan scan}: scans, writes the reports and turns the findings into an exit code. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Scan Terraform, CloudFormation and Kubernetes files for single points of failure.",
    footer = {"", "Several reports in one run: --format sarif --output spofscan.sarif --format text",
        "Exit codes: 0 no certain finding at or above --fail-on, 1 such findings, 2 usage error, unreadable input "
            + "or internal error."})
final class ScanCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ScanInputs inputs;

  /** One report: a format and where it goes (stdout when no --output). */
  static final class ReportSpec {
    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
        description = "text (default), json, sarif, markdown, junit or github; repeat with --output for several.")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the preceding --format here ('-' is standard output). A regular file is replaced "
            + "whole; a device or FIFO is written through; a symbolic link is followed.")
    Path output;
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<ReportSpec> reports = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 on a certain finding at or above: critical, high (default), medium, low or none.")
  String failOn;

  @Option(names = "--soft-fail", description = "Always exit 0 on findings (errors still exit 2).")
  boolean softFail;

  @Option(names = "--strict", description = "Exit 2 when a file cannot be parsed.")
  boolean strict;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not in this baseline.")
  Path baseline;

  @Option(names = "--category", paramLabel = "ID", description = "SARIF automationDetails.id (one per analysis).")
  String category;

  @Option(names = "--sarif-security-severity",
      description = "Add security-severity to SARIF rules (GitHub then files them as security alerts).")
  boolean sarifSecuritySeverity;

  @Option(names = "--include-suppressed", description = "Add suppressed findings to SARIF, marked as suppressed.")
  boolean includeSuppressed;

  @Option(names = "--no-color", description = "No colours in text output (also: NO_COLOR set, or not a terminal).")
  boolean noColor;

  @Option(names = {"-q", "--quiet"},
      description = "Text output lists findings only (and files that could not be read): no summary, no progress.")
  boolean quiet;

  @Option(names = "--compact", description = "Leave the fix text out of text and GitHub annotation output.")
  boolean compact;

  @Override
  public Integer call() {
    Terminal terminal = Terminal.detect(System.getenv());
    if (failOn != null) {
      try {
        FailOn.threshold(failOn);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "invalid --fail-on " + e.getMessage());
      }
    }
    List<ReportSpec> specs = reports.isEmpty() ? List.of(textToStdout()) : reports;
    if (specs.stream().filter(r -> OutputFiles.isStdout(r.output)).count() > 1) {
      throw new ParameterException(spec.commandLine(),
          "only one report can go to standard output: give the others an --output FILE");
    }
    ScanPlan plan = ScanPlan.decide(inputs, new ScanPlan.Gate(failOn, softFail, strict, baseline), System.getenv());
    PrintWriter err = spec.commandLine().getErr();
    boolean progress = terminal.progress() && !quiet;
    ScanReport report = ScanRunner.run(plan, System.in, progress ? msg -> terminal.progressLine(err, msg) : msg -> { });
    terminal.clearProgress(err);

    PrintWriter out = spec.commandLine().getOut();
    for (ReportSpec r : specs) {
      boolean color = r.output == null && r.format == ReportFormat.TEXT && terminal.color() && !noColor;
      OutputFiles.write(r.output, writer(r.format, color, plan.repoRoot()).render(report), out);
    }
    return plan.failOn().exitCode(report, err);
  }

  private ReportWriter writer(ReportFormat format, boolean color, RepoRoot repoRoot) {
    return switch (format) {
      case TEXT -> new TextReport(color, compact, quiet);
      case JSON -> new JsonReport();
      case SARIF -> new SarifReport(sarifSecuritySeverity, category, repoRoot.uri(), includeSuppressed);
      case MARKDOWN -> new MarkdownReport(linkBase(System.getenv()));
      case JUNIT -> new JunitReport();
      case GITHUB -> new GithubReport(compact);
    };
  }

  /** On GitHub Actions, links point at the commit being checked; elsewhere they stay repository-relative. */
  static String linkBase(Map<String, String> env) {
    String server = env.get("GITHUB_SERVER_URL");
    String repo = env.get("GITHUB_REPOSITORY");
    String sha = env.get("GITHUB_SHA");
    if (server == null || repo == null || sha == null || server.isBlank() || repo.isBlank() || sha.isBlank()) {
      return null;
    }
    return server + "/" + repo + "/blob/" + sha + "/";
  }

  private static ReportSpec textToStdout() {
    ReportSpec r = new ReportSpec();
    r.format = ReportFormat.TEXT;
    return r;
  }
}
