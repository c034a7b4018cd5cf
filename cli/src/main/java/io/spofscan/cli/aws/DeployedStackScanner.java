package io.spofscan.cli.aws;

import io.spofscan.cli.UserError;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.yaml.DocumentParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns {@code --cfn-stack} into model parts: fetches every stack, then parses its template as
 * {@code cfn-stack/<stackName>.template}, the stack's actual parameter values taking precedence over
 * {@code --param}, parameter files and configuration. A stack that cannot be fetched stops the scan with one line
 * (exit 2): a gate must not pass because the stack it was asked to check could not be read.
 */
public final class DeployedStackScanner {
  private DeployedStackScanner() {}

  public static Model scan(CfnStackOptions stacks, ScanOptions options, Consumer<String> progress) {
    DeployedStackFetcher.Target target = new DeployedStackFetcher.Target(stacks.region(), stacks.profile(),
        stacks.endpointUrl());
    List<Model> parts = new ArrayList<>();
    try (DeployedStackFetcher fetcher = new DeployedStackFetcher(target)) {
      for (String wanted : stacks.stacks()) {
        progress.accept("fetching CloudFormation stack " + wanted);
        DeployedStack stack;
        try {
          stack = fetcher.fetch(wanted);
        } catch (StackFetchException e) {
          throw new UserError(e.getMessage());
        }
        parts.add(parse(stack, options));
      }
    }
    return Model.merge(parts);
  }

  /** The stack's template through the document parser, with its deployed parameter values. */
  static Model parse(DeployedStack stack, ScanOptions options) {
    Map<String, String> parameters = new LinkedHashMap<>(options.cfnParameters());
    parameters.putAll(stack.parameters());
    ScanOptions withStack = new ScanOptions(options.terraformVars(), options.terraformVarFiles(),
        options.terraformEnv(), parameters, options.defaultNamespace(), options.maxFileBytes());
    Model parsed = new DocumentParser(withStack).parseText(stack.displayPath(), stack.templateBody());
    if (stack.maskedParameters().isEmpty()) {
      return parsed;
    }
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    diagnostics.add(Diagnostic.info(SourceRange.at(stack.displayPath(), 1, 1), "stack " + stack.stackName()
        + ": CloudFormation masks the NoEcho parameter" + (stack.maskedParameters().size() == 1 ? " " : "s ")
        + String.join(", ", stack.maskedParameters()) + "; --param values or the template's defaults are used"));
    return new Model(parsed.resources(), diagnostics);
  }
}
