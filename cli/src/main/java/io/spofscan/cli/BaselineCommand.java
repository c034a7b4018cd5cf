package io.spofscan.cli;

import io.spofscan.core.baseline.Baseline;
import io.spofscan.core.report.ScanReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spofscan baseline create}: accept today's findings so a gate only fails on new ones. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Manage the baseline of accepted findings.",
    subcommands = {BaselineCommand.Create.class})
final class BaselineCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'baseline create'");
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Scan and write every current finding to a baseline file; later scans with --baseline FILE "
          + "report only new findings.")
  static final class Create implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScanInputs inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Default: .spofscan-baseline.json")
    Path output = Path.of(".spofscan-baseline.json");

    @Override
    public Integer call() {
      ScanPlan plan = ScanPlan.decide(inputs, ScanPlan.Gate.NONE, System.getenv());
      ScanReport report = ScanRunner.run(plan, System.in, msg -> { });
      Baseline baseline = Baseline.of(report.findings());
      OutputFiles.write(output, baseline.toJson(), spec.commandLine().getOut());
      spec.commandLine().getErr().println("spofscan: baseline of " + baseline.entries().size() + " finding"
          + (baseline.entries().size() == 1 ? "" : "s") + " written to " + output);
      spec.commandLine().getErr().flush();
      return Main.OK;
    }
  }
}
