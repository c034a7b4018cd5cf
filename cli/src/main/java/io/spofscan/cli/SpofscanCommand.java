package io.spofscan.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command; each subcommand is one class, listed in {@link #SUBCOMMANDS}. */
@Command(name = "spofscan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    exitCodeOnExecutionException = Main.ERROR, exitCodeOnInvalidInput = Main.ERROR,
    description = "Finds single points of failure in Terraform, CloudFormation and Kubernetes files.",
    footer = {"", "Exit codes: 0 no certain finding at or above --fail-on, 1 such findings, "
        + "2 usage error, unreadable input or internal error."})
final class SpofscanCommand implements Runnable {
  /** Every subcommand by name, in the order of the help text. */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  @Spec
  CommandSpec spec;

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> all = new LinkedHashMap<>();
    all.put("scan", ScanCommand.class);
    all.put("rules", RulesCommand.class);
    all.put("flows", FlowsCommand.class);
    all.put("baseline", BaselineCommand.class);
    all.put("init", InitCommand.class);
    all.put("report", ReportMergeCommand.Group.class);
    all.put("lsp", LspCommand.class);
    all.put("help", CommandLine.HelpCommand.class);
    return all;
  }

  /**
   * The command line for {@code args}. Picocli reflects over every registered command when it is built, which
   * is most of a one-file scan's start-up: when the first argument names a subcommand, only that one is
   * registered; anything else (help, a typo, no command) gets them all, so usage and errors list every command.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(new SpofscanCommand());
    String first = args.length == 0 ? "" : args[0];
    Class<?> only = first.equals("help") ? null : SUBCOMMANDS.get(first);
    if (only != null) {
      cl.addSubcommand(first, only);
    } else {
      SUBCOMMANDS.forEach(cl::addSubcommand);
    }
    return cl;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: try 'spofscan scan PATH'");
  }
}
