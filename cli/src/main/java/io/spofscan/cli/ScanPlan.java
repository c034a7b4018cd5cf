package io.spofscan.cli;

import io.spofscan.cli.aws.CfnStackOptions;
import io.spofscan.core.model.Context;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import io.spofscan.core.scan.ContextClassifier;
import io.spofscan.core.scan.OrderedParallel;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.cloudformation.CfnParameterFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The first stage of a scan: everything the flags, the environment and the configuration decide, decided once.
 * Later stages only read it; none decides any of it again.
 *
 * @param paths the files and folders to walk (checked to exist and be readable)
 * @param stdin standard input, when {@code -} is among the paths
 * @param repoRoot the base of reported paths
 * @param config the configuration the scan obeys (see {@link ConfigDiscovery})
 * @param options values that decide what files leave open (variables, parameters, namespace, size limit)
 * @param rules which rules are reported
 * @param severities severity overrides by rule id
 * @param failOn the gate
 * @param threads files parsed at once
 * @param inlineSuppressions whether comments, Metadata and annotations may suppress findings
 * @param baseline findings accepted earlier, if given
 * @param stacks deployed CloudFormation stacks to scan
 * @param today the day suppression and ignore expiry dates are compared with
 * @param contexts how files' contexts are told and which contexts are not scanned
 * @param gitHistoryMonths the window of {@code --git-history} in months; 0 when the history is not read
 */
record ScanPlan(List<Path> paths, Optional<StdinInput> stdin, RepoRoot repoRoot, SpofscanConfig config,
    ScanOptions options, RuleSelection rules, Map<String, Severity> severities, FailOn failOn, int threads,
    boolean inlineSuppressions, Optional<Path> baseline, CfnStackOptions stacks, LocalDate today,
    ContextPolicy contexts, int gitHistoryMonths) {

  /** How a file's context is told (conventions and the configuration's globs) and which contexts are skipped. */
  record ContextPolicy(ContextClassifier classifier, Set<Context> skipped) {
    static final ContextPolicy DEFAULT = new ContextPolicy(ContextClassifier.CONVENTIONS, Set.of(Context.TEST));
  }

  /**
   * What the gate flags say; null threshold: the configuration's {@code fail-on}, else high.
   *
   * @param baseline {@code --baseline}, or null
   */
  record Gate(String threshold, boolean softFail, boolean strict, Path baseline) {
    static final Gate NONE = new Gate("none", false, false, null);
  }

  static ScanPlan decide(ScanInputs inputs, Gate gate, Map<String, String> environment) {
    boolean stacks = inputs.cfnStacks.requested();
    List<String> given = !inputs.paths.isEmpty() ? inputs.paths : stacks ? List.of() : List.of(".");
    List<Path> paths = given.stream().filter(p -> !p.equals(StdinInput.ARGUMENT)).map(Path::of).toList();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UserError("no such file or directory: " + p);
      }
      if (!Files.isReadable(p)) {
        throw new UserError("cannot read: " + p);
      }
    }
    Optional<StdinInput> stdin = given.contains(StdinInput.ARGUMENT)
        ? Optional.of(StdinInput.of(inputs.stdinFilename, inputs.stdinFormat)) : Optional.empty();
    if (stdin.isEmpty() && (inputs.stdinFormat != null || inputs.stdinFilename != null)) {
      throw new UserError("--stdin-format and --stdin-filename describe standard input: add '-' to the paths");
    }
    if (inputs.threads != null && inputs.threads < 1) {
      throw new UserError("--threads must be at least 1");
    }
    RepoRoot repoRoot = RepoRoot.of(inputs.repoRoot, paths);
    List<RuleMeta> metas = RuleCatalog.allMetas();
    Set<String> known = new HashSet<>();
    metas.forEach(m -> {
      known.add(m.id());
      known.addAll(m.aliases()); // a configuration may still name a merged rule by its former id
    });
    SpofscanConfig config = ConfigDiscovery.find(inputs.config, paths, repoRoot, known);

    long maxBytes = inputs.maxFileSize != null ? inputs.maxFileSize : ScanOptions.DEFAULT_MAX_FILE_BYTES;
    ScanOptions options = new ScanOptions(vars(inputs, config), varFiles(inputs, config), terraformEnv(environment),
        params(inputs, config), inputs.namespace != null ? inputs.namespace : config.namespace().orElse("default"),
        maxBytes);
    RuleSelection rules = RuleSelection.of(inputs.check, inputs.skipCheck, config.disabledRules(), metas,
        config.severities());
    String threshold = gate.threshold() != null ? gate.threshold() : config.failOn().orElse(FailOn.DEFAULT);
    FailOn failOn = new FailOn(FailOn.threshold(threshold), gate.softFail(), gate.strict());
    int threads = inputs.threads != null ? inputs.threads : OrderedParallel.defaultThreads();
    if (inputs.gitHistoryMonths != null && (inputs.gitHistoryMonths < 1 || !inputs.gitHistory)) {
      throw new UserError("--git-history-months needs --git-history and at least 1 month");
    }
    return new ScanPlan(paths, stdin, repoRoot, config, options, rules, config.severities(), failOn, threads,
        !inputs.noInlineSuppressions, Optional.ofNullable(gate.baseline()), inputs.cfnStacks,
        LocalDate.now(ZoneOffset.UTC), new ContextPolicy(config.context().classifier(),
            config.context().skipped(inputs.includeTests, inputs.skipContext)),
        !inputs.gitHistory ? 0 : inputs.gitHistoryMonths != null ? inputs.gitHistoryMonths : 12);
  }

  private static Map<String, String> vars(ScanInputs inputs, SpofscanConfig config) {
    Map<String, String> vars = new LinkedHashMap<>(config.vars());
    vars.putAll(inputs.vars);
    return vars;
  }

  private static List<Path> varFiles(ScanInputs inputs, SpofscanConfig config) {
    List<Path> files = new ArrayList<>(config.varFiles());
    files.addAll(inputs.varFiles);
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new UserError("no such var file: " + f);
      }
    }
    return files;
  }

  private static Map<String, String> params(ScanInputs inputs, SpofscanConfig config) {
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
  private static Map<String, String> terraformEnv(Map<String, String> environment) {
    Map<String, String> env = new TreeMap<>();
    environment.forEach((k, v) -> {
      if (k.startsWith("TF_VAR_") && k.length() > "TF_VAR_".length()) {
        env.put(k.substring("TF_VAR_".length()), v);
      }
    });
    return env;
  }
}
