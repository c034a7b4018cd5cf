package io.spofscan.core.rule;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;

/** A rule that looks at one resource at a time (and may look others up in the model's indexes). */
public interface ResourceRule extends Rule {

  boolean appliesTo(Resource r);

  void check(Resource r, Model model, Reporter report);

  @Override
  default void check(Model model, Reporter report) {
    for (Resource r : model.resources()) {
      if (appliesTo(r)) {
        check(r, model, report);
      }
    }
  }
}
