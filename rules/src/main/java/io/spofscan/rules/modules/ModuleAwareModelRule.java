package io.spofscan.rules.modules;

import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;

/**
 * A rule over the whole model (it relates resources to each other) that also judges calls of well-known registry
 * modules creating the same SPOF, from {@link ModuleKnowledge}: the model-wide twin of {@link ModuleAwareRule}, so
 * module knowledge has one door.
 */
public interface ModuleAwareModelRule extends Rule {

  /** The rule's own judgement of the resources in the model. */
  void checkResources(Model model, Reporter report);

  @Override
  default void check(Model model, Reporter report) {
    checkResources(model, report);
    ModuleKnowledge.BUILT_IN.check(model, meta().id(), report);
  }
}
