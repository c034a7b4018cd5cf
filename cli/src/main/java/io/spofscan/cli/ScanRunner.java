package io.spofscan.cli;

import io.spofscan.core.model.Model;
import io.spofscan.core.report.ScanReport;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * One scan as a straight pipeline of typed stages: the {@link ScanPlan} (inputs, decided once) → {@link Sources}
 * → {@link Model} ({@link ModelStage}) → {@link ScanAnalysis} → the {@link ScanReport}. No stage hands a decision
 * back up: the command renders the report with the plan's repository root and exits by the plan's gate.
 */
final class ScanRunner {
  private ScanRunner() {}

  static ScanReport run(ScanPlan plan, InputStream stdin, Consumer<String> progress) {
    Sources sources = Sources.collect(plan, stdin);
    Model model = ModelStage.build(plan, sources, progress);
    return ScanAnalysis.run(plan, sources, model, progress);
  }
}
