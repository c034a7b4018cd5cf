package io.spofscan.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Package rules inside cli, enforced like the module rules of the enforcer plugin: packages form no cycle
 * (a cycle makes two packages one, and the next change to either touches both).
 */
@AnalyzeClasses(packages = "io.spofscan.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** Every package of this module is its own slice (a sub-package too), so a cycle between any two shows. */
  static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      return c.getPackageName().startsWith("io.spofscan.cli") ? SliceIdentifier.of(c.getPackageName())
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "every package";
    }
  };

  @ArchTest
  static final ArchRule noPackageCycles = slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles();
}
