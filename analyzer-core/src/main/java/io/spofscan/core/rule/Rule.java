package io.spofscan.core.rule;

import io.spofscan.core.model.Model;

/** A check over the whole model. Most rules are {@link ResourceRule}s; cross-resource rules implement this. */
public interface Rule {

  default RuleMeta meta() {
    return RuleMeta.of(getClass());
  }

  void check(Model model, Reporter report);
}
