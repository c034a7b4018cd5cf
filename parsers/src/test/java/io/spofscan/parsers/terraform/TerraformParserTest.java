package io.spofscan.parsers.terraform;

import static io.spofscan.parsers.terraform.TfTesting.fixtures;
import static io.spofscan.parsers.terraform.TfTesting.resource;
import static io.spofscan.parsers.terraform.TfTesting.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformParserTest {
  private final Model basic = scan(fixtures().resolve("basic"));

  @Test
  void resourceIsLocatedAtItsKeywordAndAttributesAtTheirKeys() {
    Resource db = resource(basic, "aws_db_instance.orders");
    assertEquals(SourceRange.at("main.tf", 22, 1), db.range());
    assertEquals(24, db.attr("multi_az").location().orElseThrow().line());
    assertEquals(3, db.attr("multi_az").location().orElseThrow().column());
    assertEquals(33, db.attr("ingress").items().get(0).location().orElseThrow().line());
    assertEquals(34, db.attr("ingress.from").location().orElseThrow().line());
  }

  @Test
  void literalAndVariableDefaultAreBothKnownAndTfvarsOverrideDefaults() {
    Resource db = resource(basic, "aws_db_instance.orders");
    assertEquals(Truth.FALSE, db.attr("multi_az").truth(true));
    assertEquals(Truth.TRUE, db.attr("literal").truth(false));
    assertEquals("orders-prod", db.attr("identifier").asString().orElseThrow());
    assertEquals(3, db.attr("size").asLong().orElseThrow());
    assertEquals("DB", db.attr("tags.team").asString().orElseThrow());
  }

  @Test
  void variableWithoutValueIsUnknownWithReason() {
    Resource db = resource(basic, "aws_db_instance.orders");
    Value replicas = db.attr("replicas");
    assertInstanceOf(Value.Unknown.class, replicas);
    assertEquals("var.replicas has no value", ((Value.Unknown) replicas).reason());
    assertEquals(26, replicas.location().orElseThrow().line());
    assertEquals("x", db.attr("same").asString().orElseThrow(), "both branches agree");
  }

  @Test
  void countAndForEachExpandLikeTerraform() {
    assertEquals("eu-west-1b", resource(basic, "aws_subnet.a[1]").attr("availability_zone").asString().orElseThrow());
    assertEquals(3, basic.where(r -> r.type().equals("aws_subnet")).size());
    assertTrue(basic.where(r -> r.address().startsWith("aws_instance.gone")).isEmpty(), "count = 0 does not exist");
    Resource maybe = resource(basic, "aws_instance.maybe");
    assertFalse(maybe.certainlyExists());
    assertTrue(((Value.Unknown) maybe.existence()).reason().contains("var.replicas has no value"));
    assertEquals("y", resource(basic, "aws_eip.each[\"y\"]").attr("name").asString().orElseThrow());
  }

  @Test
  void dynamicBlocksExpandAndDataSourcesAreTyped() {
    Resource sg = resource(basic, "aws_security_group.sg");
    assertEquals(2, sg.attr("ingress").items().size());
    assertEquals("443", sg.attr("ingress.1.port").asString().orElseThrow());
    assertEquals("data.aws_route53_zone", resource(basic, "data.aws_route53_zone.z").type());
  }

  @Test
  void referencesAreKept() {
    Resource db = resource(basic, "aws_db_instance.orders");
    assertTrue(db.references().stream().anyMatch(r -> r.kind().equals("ref") && r.target().equals("aws_subnet.a")
        && r.detail().equals("id")));
    assertTrue(db.references().stream().anyMatch(r -> r.kind().equals("depends_on")));
    assertInstanceOf(Value.Unknown.class, db.attr("subnet"));
  }

  @Test
  void precedenceEnvThenTfvarsThenVarFlags() {
    ScanOptions env = new ScanOptions(Map.of(), List.of(), Map.of("TF_VAR_env", "stage", "replicas", "4"), Map.of(),
        "default", ScanOptions.DEFAULT_MAX_FILE_BYTES);
    Model m = scan(fixtures().resolve("basic"), env);
    assertEquals("orders-prod", resource(m, "aws_db_instance.orders").attr("identifier").asString().orElseThrow());
    assertEquals(4, m.where(r -> r.type().equals("aws_instance")).size());
    ScanOptions cli = new ScanOptions(Map.of("env", "qa"), List.of(), Map.of("env", "stage"), Map.of(), "default",
        ScanOptions.DEFAULT_MAX_FILE_BYTES);
    assertEquals("orders-qa", resource(scan(fixtures().resolve("basic"), cli), "aws_db_instance.orders")
        .attr("identifier").asString().orElseThrow());
  }

  @Test
  void localModulesAreFollowedAndRegistryModulesKept() {
    Model m = scan(fixtures().resolve("modules"));
    Resource inner = resource(m, "module.db.aws_db_instance.this");
    assertEquals(Truth.TRUE, inner.attr("multi_az").truth(false));
    assertEquals("modules/db/main.tf", inner.path());
    assertEquals(List.of(SourceRange.at("root/main.tf", 1, 1)), inner.callChain());
    assertEquals(1, m.where(r -> r.address().equals("module.db.aws_db_instance.this")).size(),
        "a called directory is not analysed again as a root");
    Resource vpc = resource(m, "module.vpc");
    assertEquals("module", vpc.type());
    assertEquals("5.0.0", vpc.attr("version").asString().orElseThrow());
    assertTrue(m.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR
        && d.message().contains("outside the scan root") && d.location().line() == 13));
  }
}
