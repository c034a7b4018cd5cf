package io.spofscan.cli;

import io.spofscan.core.graph.Flow;
import io.spofscan.core.model.Model;
import io.spofscan.core.report.FlowsReport;
import io.spofscan.core.report.ScanReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code spofscan flows}: each flow from its entry point to its data, with the SPOFs on it. */
@Command(name = "flows", mixinStandardHelpOptions = true, exitCodeOnExecutionException = 2,
    description = "Trace each flow from its entry point (DNS record, CDN, internet-facing load balancer, API "
        + "Gateway, Ingress, Gateway route, LoadBalancer/NodePort Service) through everything it reaches, and mark "
        + "the single points of failure on it.")
final class FlowsCommand implements Callable<Integer> {
  enum Style { TEXT, JSON, MERMAID, DOT }

  @Spec
  CommandSpec spec;

  @Mixin
  ScanInputs inputs;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = StyleConverter.class,
      description = "text (default), json, mermaid or dot.")
  Style format = Style.TEXT;

  static final class StyleConverter implements ITypeConverter<Style> {
    @Override
    public Style convert(String value) {
      try {
        return Style.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected text, json, mermaid or dot, got '" + value + "'");
      }
    }
  }

  @Override
  public Integer call() {
    ScanPlan plan = ScanPlan.decide(inputs, ScanPlan.Gate.NONE, System.getenv());
    Sources sources = Sources.collect(plan, System.in);
    Model model = ModelStage.build(plan, sources, m -> { });
    ScanReport scan = ScanAnalysis.run(plan, sources, model, m -> { });
    java.util.List<Flow> flows = ConfigFlow.flows(model, plan.config().flows());
    FlowsReport report = new FlowsReport(flows, scan.findings(), scan.rules());
    PrintWriter out = spec.commandLine().getOut();
    out.print(switch (format) {
      case TEXT -> report.text();
      case JSON -> report.json();
      case MERMAID -> report.mermaid();
      case DOT -> report.dot();
    });
    out.flush();
    return 0;
  }
}
