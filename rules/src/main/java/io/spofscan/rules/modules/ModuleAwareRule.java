package io.spofscan.rules.modules;

import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;

/**
 * A resource rule that also judges calls of well-known registry modules whose inputs create the same SPOF (e.g.
 * {@code terraform-aws-modules/rds/aws} with {@code multi_az} off for SPOF-RDS-001), from {@link ModuleKnowledge}.
 */
public interface ModuleAwareRule extends ResourceRule {

  @Override
  default void check(Model model, Reporter report) {
    ResourceRule.super.check(model, report);
    ModuleKnowledge.BUILT_IN.check(model, meta().id(), report);
  }
}
