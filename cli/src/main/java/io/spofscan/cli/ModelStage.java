package io.spofscan.cli;

import io.spofscan.cli.aws.DeployedStackScanner;
import io.spofscan.cli.aws.StackFetchException;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.SourceRange;
import io.spofscan.parsers.Parsers;
import io.spofscan.parsers.codeowners.GitHistory;
import io.spofscan.parsers.terraform.TerraformParser;
import io.spofscan.parsers.documents.DocumentParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The third stage: every source, and every deployed stack asked for, parsed into one located model. */
final class ModelStage {
  /** A Terraform block opening a line: what a .tf piped in without --stdin-format looks like. */
  private static final Pattern HCL_BLOCK = Pattern.compile(
      "(?m)^\\s*(resource|module|data|variable|provider|terraform|locals|output)\\s*(\"[^\"]*\"\\s*)*\\{");

  private ModelStage() {}

  static Model build(ScanPlan plan, Sources sources, Consumer<String> progress) {
    progress.accept("parsing " + plural(sources.count(), "file"));
    List<Model> parts = new ArrayList<>();
    Model parsed = Parsers.parse(sources.files(), plan.options(), plan.threads());
    parts.add(parsed);
    if (plan.gitHistoryMonths() > 0) {
      progress.accept("reading the Git history of " + plan.repoRoot().dir());
      parts.add(GitHistory.read(plan.repoRoot().dir(), parsed, plan.gitHistoryMonths()));
    }
    if (plan.stacks().requested()) {
      // only here: a scan without --cfn-stack loads no AWS SDK class
      try {
        parts.add(DeployedStackScanner.scan(plan.stacks(), plan.options(), progress));
      } catch (StackFetchException e) {
        throw new UserError(e.getMessage()); // a gate must not pass because its stack could not be read
      }
    }
    sources.stdin().ifPresent(s -> parts.add(stdin(plan, s)));
    return Model.merge(parts);
  }

  private static Model stdin(ScanPlan plan, Sources.StdinText stdin) {
    String name = stdin.input().displayPath();
    if (stdin.input().format().filter(f -> f == StdinInput.Format.TERRAFORM).isPresent()) {
      return new TerraformParser(plan.options()).parseText(name, stdin.text(), plan.repoRoot().dir());
    }
    Model parsed = new DocumentParser(plan.options()).parseText(name, stdin.text());
    if (stdin.input().format().isEmpty() && parsed.resources().isEmpty() && HCL_BLOCK.matcher(stdin.text()).find()) {
      return Model.merge(List.of(parsed, new Model(List.of(), List.of(Diagnostic.error(SourceRange.at(name, 1, 1),
          "standard input looks like Terraform, which is not read unless asked: pass --stdin-format terraform "
              + "(or --stdin-filename NAME.tf)")))));
    }
    return parsed;
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
