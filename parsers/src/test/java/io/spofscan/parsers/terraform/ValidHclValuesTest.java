package io.spofscan.parsers.terraform;

import static io.spofscan.parsers.terraform.TfTesting.resource;
import static io.spofscan.parsers.terraform.TfTesting.snippet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid HCL that HashiCorp's parser accepts and hcl4j's lexer used to refuse (the oracle snippets check the
 * structure): the file is read without a diagnostic and its values are the ones Terraform computes.
 */
class ValidHclValuesTest {
  @TempDir
  Path tmp;

  private Resource only(String source) {
    Model m = snippet(tmp, source);
    assertEquals(List.of(), m.diagnostics());
    return resource(m, "null_resource.r");
  }

  @Test
  void anEmptyStringMapKeyIsAKey() {
    Resource r = only("resource \"null_resource\" \"r\" {\n  tags = {\n    \"\" = \"empty\"\n    Name = \"a\"\n  }\n"
        + "  inline = { \"\" = 1, \"b\" = 2 }\n}\n");
    assertEquals("empty", r.attr("tags").get("").asString().orElseThrow());
    assertEquals("a", r.attr("tags.Name").asString().orElseThrow());
    assertEquals(2, r.attr("inline").entries().size());
    assertEquals(SourceRange.at("main.tf", 3, 5), r.attr("tags").get("").location().orElseThrow());
  }

  @Test
  void unicodeIdentifiersKeepTheirNames() {
    Resource r = only("locals {\n  café = 1\n}\nresource \"null_resource\" \"r\" {\n  naïve_σ = local.café\n}\n");
    assertEquals("1", r.attr("naïve_σ").asString().orElseThrow());
    assertEquals(SourceRange.at("main.tf", 5, 3), r.attr("naïve_σ").location().orElseThrow());
  }

  @Test
  void unicodeEscapesAndStripMarkersAreEvaluated() {
    Resource r = only("variable \"x\" {\n  default = \"v\"\n}\nresource \"null_resource\" \"r\" {\n"
        + "  e = \"\\u00e9\\U0001F600\"\n  s = \"[${~ var.x ~}]\"\n}\n");
    assertEquals("é\uD83D\uDE00", r.attr("e").asString().orElseThrow());
    assertEquals("[v]", r.attr("s").asString().orElseThrow());
  }

  @Test
  void anEmptyKeyInsideATypeDefaultAndColonObjects() {
    Resource r = only("variable \"cfg\" {\n  type = object({\n    tags = optional(map(string), { \"\" = \"x\" })\n"
        + "  })\n  default = {}\n}\nresource \"null_resource\" \"r\" {\n  tags = var.cfg.tags\n"
        + "  colon = { \"a\": 1, b: 2 }\n}\n");
    assertEquals("x", r.attr("tags").get("").asString().orElseThrow());
    assertEquals("2", r.attr("colon.b").asString().orElseThrow());
  }

  @Test
  void keywordsAsArgumentNamesAndGroupedForExpressions() {
    Resource r = only("variable \"m\" {\n  default = { a = { g = \"x\", on = true }, b = { g = \"x\", on = true },"
        + " c = { g = \"y\", on = false } }\n}\nresource \"null_resource\" \"r\" {\n  in = 1\n  if = 2\n"
        + "  groups = { for k, v in var.m : v.g => k... if v.on }\n}\n");
    assertEquals("1", r.attr("in").asString().orElseThrow());
    assertEquals("2", r.attr("if").asString().orElseThrow());
    Value x = r.attr("groups").get("x");
    assertEquals(List.of("a", "b"), x.items().stream().map(v -> v.asString().orElseThrow()).toList());
    assertTrue(r.attr("groups").get("y").isAbsent());
  }

  @Test
  void providerDefinedFunctionsAreUnknownNamingTheFunction() {
    Resource r = only("resource \"null_resource\" \"r\" {\n  a = provider::aws::arn_parse(\"arn:aws:s3:::b\")\n}\n");
    assertTrue(r.attr("a").unknownReason().orElseThrow().contains("provider::aws::arn_parse"),
        r.attr("a").describe());
  }
}
