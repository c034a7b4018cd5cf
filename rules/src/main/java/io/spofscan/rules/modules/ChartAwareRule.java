package io.spofscan.rules.modules;

import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;

/**
 * A rule that judges Helm chart releases against the chart knowledge of {@link ModuleKnowledge}: the chart twin of
 * {@link ModuleAwareRule}, so rules reach that knowledge through this package only.
 */
public interface ChartAwareRule extends Rule {

  /** Reports {@code owner} when the release of {@code chart} named {@code name} with {@code values} is a SPOF. */
  default void judgeRelease(Resource owner, Value values, String chart, String name, Reporter report) {
    ModuleKnowledge.CHARTS.check(owner, values, chart, name, meta().id(), report);
  }
}
