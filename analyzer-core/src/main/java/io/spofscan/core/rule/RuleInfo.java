package io.spofscan.core.rule;

import io.spofscan.core.model.Format;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, in one place on its class. SARIF {@code rules[]}, {@code spofscan rules} and the docs are all
 * generated from it, and long help with per-format fix snippets lives in {@code rules/<id>.md} on the classpath.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Stable id, {@code SPOF-<AREA>-NNN}; never reused or renumbered. */
  String id();

  /** One line: what is wrong. */
  String title();

  Severity severity();

  Format[] formats();

  /** Why this is a single point of failure. */
  String rationale();

  /** How to fix it, in a sentence; snippets per format go in the rule's markdown help. */
  String remediation();

  String[] tags();

  /** Documentation links backing the rationale. */
  String[] references() default {};

  /**
   * Former ids of rules merged into this one. Suppressions, baselines, configuration and rule selection accept an
   * alias wherever they accept the id, so a repository that named the old rule keeps working.
   */
  String[] aliases() default {};
}
