package io.spofscan.cli;

import io.spofscan.core.report.GithubReport;
import io.spofscan.core.report.JsonReport;
import io.spofscan.core.report.JunitReport;
import io.spofscan.core.report.MarkdownReport;
import io.spofscan.core.report.ReportWriter;
import io.spofscan.core.report.SarifReport;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.report.TextReport;
import io.spofscan.core.rule.Severity;
import io.spofscan.core.model.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the preceding --format here.")
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

  @Override
  public Integer call() {
    Terminal terminal = Terminal.detect(System.getenv());
    String threshold = failOn == null ? null : failOn.trim().toLowerCase(Locale.ROOT);
    if (threshold != null && !List.of("critical", "high", "medium", "low", "none").contains(threshold)) {
      throw new ParameterException(spec.commandLine(),
          "invalid --fail-on '" + failOn + "' (expected critical, high, medium, low or none)");
    }
    List<ReportSpec> specs = reports.isEmpty() ? List.of(textToStdout()) : reports;
    if (specs.stream().filter(r -> r.output == null).count() > 1) {
      throw new ParameterException(spec.commandLine(),
          "only one report can go to standard output: give the others an --output FILE");
    }
    ScanRunner runner = new ScanRunner(inputs, System.getenv(), System.in,
        terminal.progress() ? msg -> terminal.progressLine(spec.commandLine().getErr(), msg) : msg -> { });
    ScanRunner.Outcome outcome = runner.run(baseline);
    terminal.clearProgress(spec.commandLine().getErr());
    ScanReport report = outcome.report();

    PrintWriter out = spec.commandLine().getOut();
    for (ReportSpec r : specs) {
      boolean color = r.output == null && r.format == ReportFormat.TEXT && terminal.color() && !noColor;
      String rendered = writer(r.format, color, outcome.repoRoot()).render(report);
      if (r.output == null) {
        out.print(rendered);
        out.flush();
      } else {
        AtomicFiles.write(r.output, rendered);
      }
    }
    String effective = threshold != null ? threshold : outcome.config().failOn().orElse("high");
    return exitCode(report, effective);
  }

  private int exitCode(ScanReport report, String threshold) {
    if (strict) {
      long broken = report.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
      if (broken > 0) {
        spec.commandLine().getErr().println("spofscan: " + broken + " file problem" + (broken == 1 ? "" : "s")
            + " and --strict: exit 2");
        spec.commandLine().getErr().flush();
        return Main.ERROR;
      }
    }
    if (softFail || threshold.equals("none")) {
      return Main.OK;
    }
    Severity min = Severity.parse(threshold);
    boolean failing = report.findings().stream().anyMatch(f -> f.certain() && f.severity().atLeast(min));
    return failing ? Main.FINDINGS : Main.OK;
  }

  private ReportWriter writer(ReportFormat format, boolean color, Path repoRoot) {
    return switch (format) {
      case TEXT -> new TextReport(color);
      case JSON -> new JsonReport();
      case SARIF -> new SarifReport(sarifSecuritySeverity, category, srcRootUri(repoRoot), includeSuppressed);
      case MARKDOWN -> new MarkdownReport(linkBase(System.getenv()));
      case JUNIT -> new JunitReport();
      case GITHUB -> new GithubReport();
    };
  }

  private static String srcRootUri(Path repoRoot) {
    String uri = repoRoot.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
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
