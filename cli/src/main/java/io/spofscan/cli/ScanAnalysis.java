package io.spofscan.cli;

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
import io.spofscan.core.scan.SourceFile;
import io.spofscan.core.suppress.MetaRules;
import io.spofscan.core.suppress.Suppressed;
import io.spofscan.core.suppress.Suppression;
import io.spofscan.core.suppress.SuppressionFinder;
import io.spofscan.core.suppress.Suppressor;
import io.spofscan.rules.graph.FlowChains;
import io.spofscan.rules.graph.Graphs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The fourth stage: the selected rules run over the model; then severity overrides, inline suppressions, the
 * configuration's ignores and the baseline decide what is reported; the result is the {@link ScanReport} every
 * writer renders.
 */
final class ScanAnalysis {
  private ScanAnalysis() {}

  static ScanReport run(ScanPlan plan, Sources sources, Model model, Consumer<String> progress) {
    return run(plan, sources, model, progress, ScanAnalysis::diskComments);
  }

  /**
   * @param comments the comment suppressions of one source file (the editor server reads them from unsaved text
   *     and keeps them between runs; a scan reads the file)
   */
  static ScanReport run(ScanPlan plan, Sources sources, Model model, Consumer<String> progress,
      Function<SourceFile, List<Suppression>> comments) {
    List<Rule> rules = RuleCatalog.builtIn().stream().filter(r -> plan.rules().reports(r.meta().id())).toList();
    progress.accept("checking " + ModelStage.plural(model.resources().size(), "resource"));
    Analyzer.Analysis analysis = new Analyzer(rules).analyze(model);
    List<Diagnostic> diagnostics = new ArrayList<>(sources.diagnostics());
    diagnostics.addAll(analysis.diagnostics());

    List<Finding> findings = analysis.findings().stream()
        .map(f -> withOverride(f, plan).withContext(sources.contextOf(f.location().path()))).toList();
    List<Suppressed> suppressed = new ArrayList<>();
    if (plan.inlineSuppressions()) {
      Suppressor.Result inline = new Suppressor(plan.today(), RuleCatalog.aliases())
          .apply(findings, model.resources(), commentSuppressions(sources, model.resources(), comments));
      findings = inline.findings();
      suppressed.addAll(inline.suppressed());
    }
    findings = ignored(findings, plan, suppressed, diagnostics);
    findings = findings.stream().filter(f -> plan.rules().reports(f.ruleId())).toList();

    ScanReport.BaselineSummary baselineSummary = null;
    if (plan.baseline().isPresent()) {
      Path file = plan.baseline().get();
      Baseline.Outcome applied = BaselineFile.read(file).apply(findings, RuleCatalog.aliases());
      findings = applied.newFindings();
      baselineSummary = new ScanReport.BaselineSummary(file.toString(), applied.baselined().size(), applied.gone());
    }

    // the flow adds the chain to a finding; it never adds or removes one, so it comes after every filter
    FlowChains chains = new FlowChains(Graphs.of(model), ConfigFlow.flows(model, plan.config().flows()));
    findings = chains.attach(findings);
    suppressed = suppressed.stream().map(s -> new Suppressed(s.finding().withFlow(chains.chainOf(s.finding())),
        s.justification(), s.where())).toList();

    List<RuleMeta> metas = new ArrayList<>();
    rules.forEach(r -> metas.add(withSeverity(r.meta(), plan.severities().get(r.meta().id()))));
    MetaRules.ALL.stream().filter(m -> plan.rules().reports(m.id())).forEach(metas::add);
    String config = plan.config().file() == null ? null : plan.repoRoot().display(plan.config().file());
    return new ScanReport(VersionProvider.version(), metas, findings, diagnostics.stream().sorted().distinct().toList(),
        sources.count() + plan.stacks().stacks().size(), model.resources().size(), suppressed, baselineSummary,
        config, sources.skipped(), model.patchDocuments());
  }

  private static Finding withOverride(Finding f, ScanPlan plan) {
    Severity s = plan.severities().get(f.ruleId());
    return s == null ? f : f.withSeverity(s);
  }

  private static RuleMeta withSeverity(RuleMeta m, Severity s) {
    return s == null ? m : m.withSeverity(s);
  }

  /**
   * Applies the configuration's {@code ignore:} entries: a covered finding is reported as suppressed with the
   * entry's reason; an expired entry covers nothing and says so; an entry that covers nothing is reported, since it
   * would silently hide a future finding.
   */
  private static List<Finding> ignored(List<Finding> findings, ScanPlan plan, List<Suppressed> suppressed,
      List<Diagnostic> diagnostics) {
    List<ConfigIgnore> ignores = plan.config().ignores();
    if (ignores.isEmpty()) {
      return findings;
    }
    Path base = plan.config().baseDir();
    Set<ConfigIgnore> used = new HashSet<>();
    Set<ConfigIgnore> expired = new HashSet<>();
    List<Finding> kept = new ArrayList<>();
    for (Finding f : findings) {
      Path rel = relative(plan.repoRoot().dir().resolve(f.location().path()), base, f.location().path());
      ConfigIgnore holding = null;
      for (ConfigIgnore i : ignores) {
        if (i.covers(f, rel)) {
          if (i.expiredOn(plan.today())) {
            expired.add(i);
          } else {
            holding = i;
            break;
          }
        }
      }
      if (holding == null) {
        kept.add(f);
      } else {
        used.add(holding);
        SourceRange w = holding.where();
        suppressed.add(new Suppressed(f, holding.reason(),
            SourceRange.at(plan.repoRoot().display(Path.of(w.path())), w.line(), w.column())));
      }
    }
    for (ConfigIgnore i : ignores) {
      SourceRange w = i.where();
      SourceRange at = SourceRange.at(plan.repoRoot().display(Path.of(w.path())), w.line(), w.column());
      if (expired.contains(i) && !used.contains(i)) {
        diagnostics.add(Diagnostic.warning(at, "ignore of " + String.join(", ", i.rules()) + " expired on "
            + i.until().orElseThrow() + ": its findings are reported again (reason was: " + i.reason() + ")"));
      } else if (!used.contains(i) && !expired.contains(i)) {
        diagnostics.add(Diagnostic.info(at, "ignore of " + String.join(", ", i.rules())
            + " matches no finding: delete it, or correct its rule, resource or path"));
      }
    }
    return kept;
  }

  private static Path relative(Path file, Path base, String shown) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs) : Path.of(shown);
  }

  /** Comment suppressions of every file that declared a resource (other files cannot be suppressed into). */
  private static List<Suppression> commentSuppressions(Sources sources, List<Resource> resources,
      Function<SourceFile, List<Suppression>> comments) {
    Set<String> withResources = new HashSet<>();
    resources.forEach(r -> withResources.add(r.path()));
    List<Suppression> out = new ArrayList<>();
    sources.files().stream().sorted(Comparator.comparing(SourceFile::displayPath))
        .filter(f -> withResources.contains(f.displayPath()))
        .forEach(f -> out.addAll(comments.apply(f)));
    sources.stdin().ifPresent(s -> out.addAll(SuppressionFinder.comments(s.input().displayPath(), s.text())));
    return out;
  }

  /** The comment suppressions of a file as it is on disk. */
  static List<Suppression> diskComments(SourceFile f) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(f.file())))
          .toString();
      return SuppressionFinder.comments(f.displayPath(), text);
    } catch (CharacterCodingException e) {
      return List.of(); // not UTF-8: the parser already reported it; no suppressions can be read from it
    } catch (IOException e) {
      return List.of(); // unreadable now though parsed a moment ago: the parser's diagnostics cover the file
    }
  }
}
