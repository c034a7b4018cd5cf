package io.spofscan.parsers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Package rules inside the parsers module. Each input format lives in one package that knows no other format, so a
 * new input is one new package and a change to one format cannot break another. The located YAML/JSON reader
 * ({@code yaml}) is a leaf every format may use; the routers ({@code Parsers}, {@code documents}) choose the format
 * of a file and are used by no format.
 *
 * <p>Packages form no cycle, so each can be understood (and moved) from its imports alone.
 */
@AnalyzeClasses(packages = "io.spofscan.parsers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** One package per input format (its sub-packages belong to it). */
  static final List<String> FORMATS = List.of("terraform", "cloudformation", "kubernetes", "sql", "ci", "codeowners");

  @ArchTest
  static final ArchRule formatsKnowNoOtherFormat = formatsKnowNoOtherFormat();

  @ArchTest
  static final ArchRule formatsDoNotRoute = noClasses()
      .that().resideInAnyPackage(FORMATS.stream().map(f -> "io.spofscan.parsers." + f + "..").toArray(String[]::new))
      .should().dependOnClassesThat().resideInAnyPackage("io.spofscan.parsers", "io.spofscan.parsers.documents..");

  /** The located reader is a leaf: it knows no format and no router. */
  @ArchTest
  static final ArchRule readerIsALeaf = noClasses().that().resideInAPackage("io.spofscan.parsers.yaml..")
      .should().dependOnClassesThat().resideInAnyPackage(
          Stream.concat(FORMATS.stream(), Stream.of("documents")).map(p -> "io.spofscan.parsers." + p + "..")
              .toArray(String[]::new))
      .orShould().dependOnClassesThat().resideInAPackage("io.spofscan.parsers");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("io.spofscan.parsers.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noRuleOrCli = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("io.spofscan.rules..", "io.spofscan.cli..", "picocli..");

  private static ArchRule formatsKnowNoOtherFormat() {
    List<ArchRule> rules = new ArrayList<>();
    for (String format : FORMATS) {
      rules.add(noClasses().that().resideInAPackage("io.spofscan.parsers." + format + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others(format)));
    }
    return CompositeArchRule.of(rules);
  }

  /** Every format package but {@code format}. */
  private static String[] others(String format) {
    List<String> packages = new ArrayList<>();
    FORMATS.stream().filter(f -> !f.equals(format)).forEach(f -> packages.add("io.spofscan.parsers." + f + ".."));
    return packages.toArray(String[]::new);
  }
}
