package io.spofscan.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/**
 * Package rules inside the rules module: no package cycles; a rule knows the model of analyzer-core and the
 * shared catalogue and helpers of this module, never a parser (a rule that read parser types would only work for
 * one input format and break when the parser changes).
 */
@AnalyzeClasses(packages = "io.spofscan.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** Every package of this module is its own slice (a sub-package too), so a cycle between any two shows. */
  static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      return c.getPackageName().startsWith("io.spofscan.rules") ? SliceIdentifier.of(c.getPackageName())
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "every package";
    }
  };

  /** What every rule may use: the catalogue of kinds and attributes, the helpers, and module knowledge. */
  static final String[] SHARED = {"io.spofscan.rules.catalog..", "io.spofscan.rules.support..",
      "io.spofscan.rules.modules..", "io.spofscan.rules.graph.."};

  /**
   * Kubernetes helpers that still live in {@code k8s} but are shared: by other rule areas and by the dependency
   * graph's Kubernetes edges. Known exception, to be removed when they move to {@code support}.
   */
  static final Set<String> SHARED_K8S_HELPERS = Set.of("io.spofscan.rules.k8s.K8s", "io.spofscan.rules.k8s.Selectors",
      "io.spofscan.rules.k8s.K8sRelations");

  static boolean sharedHelper(JavaClass c) {
    String name = c.getName();
    int nested = name.indexOf('$');
    return SHARED_K8S_HELPERS.contains(nested < 0 ? name : name.substring(0, nested));
  }

  @ArchTest
  static final ArchRule noPackageCycles = slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles()
      .ignoreDependency(DescribedPredicate.describe("the graph's Kubernetes edges",
          (JavaClass c) -> c.getPackageName().equals("io.spofscan.rules.graph")),
          DescribedPredicate.describe("shared k8s helpers", ArchitectureTest::sharedHelper));

  /**
   * Module knowledge has one door: a rule judges module calls by being a ModuleAware(Model)Rule, chart releases by
   * being a ChartAwareRule.
   */
  @ArchTest
  static final ArchRule moduleKnowledgeThroughOneDoor = noClasses()
      .that().resideOutsideOfPackage("io.spofscan.rules.modules..")
      .should().dependOnClassesThat().haveFullyQualifiedName("io.spofscan.rules.modules.ModuleKnowledge");

  @ArchTest
  static final ArchRule noParser = noClasses().should().dependOnClassesThat().resideInAnyPackage(
      "io.spofscan.parsers..", "io.spofscan.cli..", "com.fasterxml..", "org.yaml..", "com.bertramlabs..",
      "net.sf.jsqlparser..", "software.amazon..", "picocli..");

  /**
   * A rule package reaches only core, the shared packages and itself; the registry ({@code BuiltInRules}) lists
   * them all. The Kubernetes helpers above are still shared from {@code k8s}.
   */
  @ArchTest
  static final ArchRule rulesUseOnlyCoreAndShared = classes()
      .that().resideInAPackage("io.spofscan.rules.*..")
      .and().resideOutsideOfPackages(SHARED)
      .should(new ArchCondition<JavaClass>("depend only on java, analyzer-core, a shared rules package or their own") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          String own = area(c.getPackageName());
          for (Dependency d : c.getDirectDependenciesFromSelf()) {
            String target = d.getTargetClass().getPackageName();
            boolean allowed = !target.startsWith("io.spofscan.") || target.startsWith("io.spofscan.core.")
                || area(target).equals(own) || SHARED_AREAS.contains(area(target))
                || sharedHelper(d.getTargetClass());
            if (!allowed) {
              events.add(SimpleConditionEvent.violated(d, d.getDescription()));
            }
          }
        }
      });

  /** The dependency graph ({@code graph}) is shared too: rules ask it for cross-resource facts. */
  static final Set<String> SHARED_AREAS = Set.of("catalog", "support", "modules", "graph");

  /** The first package below {@code io.spofscan.rules}: a rule's area ({@code k8s}, {@code cloud}, ...). */
  static String area(String packageName) {
    String prefix = "io.spofscan.rules.";
    if (!packageName.startsWith(prefix)) {
      return packageName;
    }
    String rest = packageName.substring(prefix.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
