package io.spofscan.cli.aws;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.documents.DocumentParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns {@code --cfn-stack} into model parts: fetches every stack, then parses its template as
 * {@code cfn-stack/<stackName>.template}, the stack's actual parameter values taking precedence over
 * {@code --param}, parameter files and configuration. A stack that cannot be fetched stops the scan with one line
 * (exit 2): a gate must not pass because the stack it was asked to check could not be read. Nested stacks are
 * followed: each is scanned as {@code cfn-stack/<its name>.template} with the parameters it was deployed with.
 */
public final class DeployedStackScanner {
  private DeployedStackScanner() {}

  /** Nested stacks deeper than this are reported, not read (CloudFormation itself allows far less in practice). */
  static final int MAX_NESTING = 10;

  /** @throws StackFetchException a stack asked for cannot be read: the caller stops the scan with its message */
  public static Model scan(CfnStackOptions stacks, ScanOptions options, Consumer<String> progress)
      throws StackFetchException {
    DeployedStackFetcher.Target target = new DeployedStackFetcher.Target(stacks.region(), stacks.profile(),
        stacks.endpointUrl());
    List<Model> parts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (DeployedStackFetcher fetcher = new DeployedStackFetcher(target)) {
      for (String wanted : stacks.stacks()) {
        progress.accept("fetching CloudFormation stack " + wanted);
        DeployedStack stack = fetcher.fetch(wanted);
        add(fetcher, stack, options, progress, 0, seen, parts);
      }
    }
    return Model.merge(parts);
  }

  /**
   * Parses one stack, then its nested stacks, each under its own name and with its own deployed parameters. A
   * nested stack that cannot be read is a WARNING at the parent's resource for it: the rest is still scanned.
   */
  private static void add(DeployedStackFetcher fetcher, DeployedStack stack, ScanOptions options,
      Consumer<String> progress, int depth, Set<String> seen, List<Model> parts) {
    if (!seen.add(stack.stackId())) {
      return; // named twice on the command line, or also reached as a nested stack
    }
    Model model = parse(stack, options);
    parts.add(model);
    List<DeployedStackFetcher.NestedStack> nested;
    try {
      nested = fetcher.nestedStacks(stack);
    } catch (StackFetchException e) {
      parts.add(warning(SourceRange.at(stack.displayPath(), 1, 1), "nested stacks not listed: " + e.getMessage()));
      return;
    }
    for (DeployedStackFetcher.NestedStack n : nested) {
      SourceRange at = model.resources().stream().filter(r -> r.address().equals(n.logicalId()))
          .map(r -> r.range()).findFirst().orElse(SourceRange.at(stack.displayPath(), 1, 1));
      if (depth + 1 > MAX_NESTING) {
        parts.add(warning(at, "nested stack " + n.logicalId() + " is more than " + MAX_NESTING
            + " levels deep: not read"));
        continue;
      }
      progress.accept("fetching nested stack " + n.stackId());
      try {
        add(fetcher, fetcher.fetch(n.stackId()), options, progress, depth + 1, seen, parts);
      } catch (StackFetchException e) {
        parts.add(warning(at, "nested stack " + n.logicalId() + " not read: " + e.getMessage()));
      }
    }
  }

  private static Model warning(SourceRange at, String message) {
    return new Model(List.of(), List.of(Diagnostic.warning(at, message)));
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
