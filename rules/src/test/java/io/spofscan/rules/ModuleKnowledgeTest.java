package io.spofscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.rules.modules.ModuleKnowledge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry-module knowledge file parses, and every rule it reports under exists. */
class ModuleKnowledgeTest {

  @Test
  void shippedKnowledgeReportsOnlyUnderBuiltInRules() {
    Set<String> unknown = new TreeSet<>();
    for (String id : ModuleKnowledge.BUILT_IN.ruleIds()) {
      if (BuiltInRules.byId(id).isEmpty()) {
        unknown.add(id);
      }
    }
    assertEquals(Set.of(), unknown);
    assertTrue(ModuleKnowledge.BUILT_IN.sources().contains("terraform-aws-modules/vpc/aws"));
    assertFalse(ModuleKnowledge.BUILT_IN.ruleIds().isEmpty());
  }

  @Test
  void malformedLinesNameTheirLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleKnowledge.parse(
        "# comment\nspof\tx/y/aws\tSPOF-X-001\tmulti_az ~ false\t-\twhy\n", "test.tsv"));
    assertTrue(e.getMessage().startsWith("test.tsv:2: "), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ModuleKnowledge.parse("default\tx/y/aws\tmulti_az\tmaybe\n", "t"));
    assertThrows(IllegalArgumentException.class,
        () -> ModuleKnowledge.parse("spof\tx/y/aws\tSPOF-X-001\tcount(azs) < \"two\"\t-\twhy\n", "t"));
  }

  @Test
  void sourcesAreNormalised() {
    ModuleKnowledge k = ModuleKnowledge.parse(
        "spof\tRegistry.Terraform.io/Org/Thing/AWS\tSPOF-X-001\tenabled == false\t-\twhy\n", "t");
    assertEquals(Set.of("org/thing/aws"), k.sources());
  }

  @Test
  void everyChartReportsUnderABuiltInRuleAndHasAFixture() throws IOException {
    for (String id : ModuleKnowledge.CHARTS.ruleIds()) {
      assertTrue(BuiltInRules.byId(id).isPresent(), id);
    }
    StringBuilder fixtures = new StringBuilder();
    for (String format : List.of("terraform", "kubernetes")) {
      try (Stream<Path> files = Files.walk(Fixtures.root().resolve(format).resolve("SPOF-HELM-001"))) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          fixtures.append(Files.readString(f)).append('\n');
        }
      }
    }
    for (String chart : ModuleKnowledge.CHARTS.sources()) {
      String name = chart.substring(chart.indexOf('/') + 1);
      assertTrue(fixtures.indexOf("chart: " + name + "\n") >= 0 || fixtures.indexOf("\"" + name + "\"") >= 0
          || fixtures.indexOf("/" + name + "\"") >= 0, "no SPOF-HELM-001 fixture installs " + chart);
    }
  }
}
