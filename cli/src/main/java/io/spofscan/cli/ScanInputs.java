package io.spofscan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.spofscan.cli.aws.CfnStackOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to scan and the values that decide it: shared by {@code scan} and {@code baseline create}. */
final class ScanInputs {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories to scan (default: the current directory); '-' reads standard input "
          + "(YAML or JSON: Kubernetes, CloudFormation, rendered Helm; see --stdin-format).")
  List<String> paths = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Terraform variable value (repeatable).")
  Map<String, String> vars = new LinkedHashMap<>();

  @Option(names = "--var-file", paramLabel = "FILE", description = "Terraform .tfvars file (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "CloudFormation parameter value (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--param-file", paramLabel = "FILE",
      description = "CloudFormation parameter file: AWS CLI JSON list, {\"Parameters\": {...}} or NAME=VALUE lines.")
  List<Path> paramFiles = new ArrayList<>();

  @Mixin
  CfnStackOptions cfnStacks = new CfnStackOptions();

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Namespace of Kubernetes objects that name none (default: default).")
  String namespace;

  @Option(names = "--max-file-size", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Skip (and report) larger files; bytes or with k/M/G suffix (default: 16M).")
  Long maxFileSize;

  @Option(names = "--threads", paramLabel = "N",
      description = "Files parsed at once (default: the number of processors). Output is identical for any N.")
  Integer threads;

  @Option(names = "--repo-root", paramLabel = "DIR",
      description = "Base of reported paths (default: nearest ancestor of the first PATH holding .git, "
          + "else the current directory).")
  Path repoRoot;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: the nearest .spofscan.yml in the scanned paths or their parent "
          + "folders, up to the repository root).")
  Path config;

  @Option(names = "--check", paramLabel = "RULES", split = ",",
      description = "Report only these rules: ids, globs (SPOF-K8S-*) or severity:S (S and above); repeatable.")
  List<String> check = new ArrayList<>();

  @Option(names = "--skip-check", paramLabel = "RULES", split = ",",
      description = "Do not report these rules: ids, globs or severity:S (S and below); repeatable.")
  List<String> skipCheck = new ArrayList<>();

  @Option(names = "--no-inline-suppressions",
      description = "Ignore spofscan:ignore comments, CloudFormation Metadata and Kubernetes annotations (audits); "
          + "the configuration's ignore: entries still apply.")
  boolean noInlineSuppressions;

  @Option(names = "--stdin-format", paramLabel = "FORMAT",
      description = "What '-' reads: terraform, cloudformation or kubernetes (default: from --stdin-filename's "
          + "suffix, else YAML/JSON told apart by content).")
  StdinInput.Format stdinFormat;

  @Option(names = "--stdin-filename", paramLabel = "NAME",
      description = "How findings in standard input name the file (default: <stdin>).")
  String stdinFilename;

  @Option(names = "--include-tests",
      description = "Scan test fixtures and golden files too (test/, testdata/, fixtures/, e2e/, *_test.*...), "
          + "which are skipped by default.")
  boolean includeTests;

  @Option(names = "--skip-context", paramLabel = "CONTEXT", split = ",", converter = ContextConverter.class,
      description = "Do not scan files of this context: example (samples, tutorials, docs...), test or "
          + "production; repeatable.")
  List<io.spofscan.core.model.Context> skipContext = new ArrayList<>();

  @Option(names = "--git-history",
      description = "Also read the scanned repository's own Git history (local .git only, never fetched): who "
          + "changed each CODEOWNERS-owned path of infrastructure code recently, and its truck factor.")
  boolean gitHistory;

  @Option(names = "--git-history-months", paramLabel = "N",
      description = "The window of --git-history, in months before the HEAD commit (default: 12).")
  Integer gitHistoryMonths;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  static final class ContextConverter implements ITypeConverter<io.spofscan.core.model.Context> {
    @Override
    public io.spofscan.core.model.Context convert(String value) {
      return io.spofscan.core.model.Context.parse(value);
    }
  }

  /** "16M", "512k", "1048576". */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String v = value.trim().toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
      long factor = 1;
      if (v.endsWith("K")) {
        factor = 1024;
      } else if (v.endsWith("M")) {
        factor = 1024 * 1024;
      } else if (v.endsWith("G")) {
        factor = 1024L * 1024 * 1024;
      }
      String digits = factor == 1 ? v : v.substring(0, v.length() - 1);
      try {
        long n = Long.parseLong(digits.trim());
        if (n <= 0) {
          throw new IllegalArgumentException("size must be positive: " + value);
        }
        return Math.multiplyExact(n, factor);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("not a size: '" + value + "' (expected e.g. 1048576, 512k, 16M)");
      }
    }
  }
}
