package io.spofscan.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Package rules inside analyzer-core, enforced like the module rules of the enforcer plugin: packages form no cycle
 * (a cycle makes two packages one, and the next change to either touches both), and core knows no parser library.
 */
@AnalyzeClasses(packages = "io.spofscan.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** Every package of this module is its own slice (a sub-package too), so a cycle between any two shows. */
  static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      return c.getPackageName().startsWith("io.spofscan.core") ? SliceIdentifier.of(c.getPackageName())
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "every package";
    }
  };

  /**
   * Known exception, to be removed: {@code Model} holds the dependency graph built once per model (and its
   * application scope), while the graph is built from the model. Moving that cache out of {@code model} ends it.
   */
  @ArchTest
  static final ArchRule noPackageCycles = slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles()
      .ignoreDependency(DescribedPredicate.describe("Model", (JavaClass c) -> c.getName().startsWith(
          "io.spofscan.core.model.Model")), JavaClass.Predicates.resideInAPackage("io.spofscan.core.graph"));

  @ArchTest
  static final ArchRule knowsNoParserLibrary = noClasses().should().dependOnClassesThat().resideInAnyPackage(
      "com.fasterxml..", "org.yaml..", "com.bertramlabs..", "net.sf.jsqlparser..", "software.amazon..",
      "picocli..", "io.spofscan.parsers..", "io.spofscan.rules..", "io.spofscan.cli..");
}
