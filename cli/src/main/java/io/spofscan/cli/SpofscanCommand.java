package io.spofscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command; each subcommand is one class, listed here. */
@Command(name = "spofscan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    exitCodeOnExecutionException = Main.ERROR, exitCodeOnInvalidInput = Main.ERROR,
    description = "Finds single points of failure in Terraform, CloudFormation and Kubernetes files.",
    subcommands = {
        ScanCommand.class,
        RulesCommand.class,
        BaselineCommand.class,
        InitCommand.class,
        picocli.CommandLine.HelpCommand.class,
    },
    footer = {"", "Exit codes: 0 no certain finding at or above --fail-on, 1 such findings, "
        + "2 usage error, unreadable input or internal error."})
final class SpofscanCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: try 'spofscan scan PATH'");
  }
}
