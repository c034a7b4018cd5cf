package io.spofscan.parsers.terraform;

import static io.spofscan.parsers.terraform.TfTesting.fixtures;
import static io.spofscan.parsers.terraform.TfTesting.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformPlanParserTest {

  private static Model plan() throws Exception {
    Path dir = fixtures().resolve("plan");
    List<SourceFile> files = new FileWalker(dir).walk(List.of(dir)).files();
    List<SourceFile> tf = files.stream().filter(f -> f.fileName().endsWith(".tf")).toList();
    List<SourceFile> plans = files.stream().filter(f -> f.fileName().equals("plan.json")).toList();
    return new TerraformPlanParser(ScanOptions.defaults()).parse(plans, tf);
  }

  @Test
  void recognisesPlanJsonByItsHead() {
    assertTrue(TerraformPlanParser.looksLikePlan(
        "{\"format_version\":\"1.2\",\"terraform_version\":\"1.6.6\",\"planned_values\":{"));
    assertFalse(TerraformPlanParser.looksLikePlan("{\"AWSTemplateFormatVersion\": \"2010-09-09\"}"));
    assertFalse(TerraformPlanParser.looksLikePlan("{\"format_version\":\"1.0\",\"provider_schemas\":{}}"));
  }

  @Test
  void resourcesAreMappedBackToTheirConfiguration() throws Exception {
    Model m = plan();
    Resource db = resource(m, "aws_db_instance.main");
    assertEquals(SourceRange.at("main.tf", 1, 1), db.range());
    assertEquals(Truth.FALSE, db.attr("multi_az").truth(true));
    assertEquals(2, db.attr("multi_az").location().orElseThrow().line());
    assertInstanceOf(Value.Unknown.class, db.attr("endpoint"));
    Resource cache = resource(m, "module.db.aws_elasticache_replication_group.cache[0]");
    assertEquals(SourceRange.at("modules/db/main.tf", 1, 1), cache.range());
    assertEquals(1, cache.attr("num_cache_clusters").asLong().orElseThrow());
  }

  @Test
  void resourcesWithoutConfigurationStayInThePlanFile() throws Exception {
    Resource orphan = resource(plan(), "aws_instance.orphan");
    assertEquals("plan.json", orphan.path());
    assertEquals(14, orphan.range().line(), "the resource object in the plan");
  }

  @Test
  void parsersRoutesPlanJsonToThePlanParser() throws Exception {
    Path dir = fixtures().resolve("plan");
    Model m = Parsers.parse(new FileWalker(dir).walk(List.of(dir)).files(), ScanOptions.defaults());
    assertTrue(m.resources().stream().anyMatch(r -> r.address().equals("aws_instance.orphan")));
  }

  @Test
  void brokenPlanIsAnError(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("plan.json"), "{\"format_version\":\"1.2\",\"terraform_version\":\"1\",\n\"x\": [");
    Model m = Parsers.parse(new FileWalker(tmp).walk(List.of(tmp)).files(), ScanOptions.defaults());
    assertEquals(1, m.diagnostics().size(), "" + m.diagnostics());
    assertEquals(2, m.diagnostics().get(0).location().line());
  }

  @Test
  void modulePathOfAnAddress() {
    assertEquals(List.of("a", "b"), TerraformPlanParser.modulePath("module.a[\"x.y\"].module.b.aws_x.y[0]"));
    assertEquals(List.of(), TerraformPlanParser.modulePath("aws_x.y"));
  }
}
