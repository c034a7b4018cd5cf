package io.spofscan.parsers.terraform;

import static io.spofscan.parsers.terraform.TfTesting.fixtures;
import static io.spofscan.parsers.terraform.TfTesting.resource;
import static io.spofscan.parsers.terraform.TfTesting.scan;
import static io.spofscan.parsers.terraform.TfTesting.snippet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformFeaturesTest {
  @TempDir
  Path tmp;

  @Test
  void jsonSyntaxIsReadWithLocations() {
    Model m = scan(fixtures().resolve("json"));
    Resource db = resource(m, "aws_db_instance.db[1]");
    assertEquals(Truth.FALSE, db.attr("multi_az").truth(true));
    assertEquals("db-false", db.attr("identifier").asString().orElseThrow());
    assertEquals(SourceRange.at("main.tf.json", 8, 9), db.attr("multi_az").location().orElseThrow());
    assertTrue(db.references().stream().anyMatch(r -> r.target().equals("aws_subnet.a")));
    assertEquals("5.1.0", resource(m, "module.vpc").attr("version").asString().orElseThrow());
  }

  @Test
  void variableFilesApplyInTerraformsOrder() throws Exception {
    Path extra = tmp.resolve("extra.tfvars");
    Files.writeString(extra, "b = \"var-file\"\nsizes = [1, 2]\n");
    ScanOptions opts = new ScanOptions(Map.of("a", "cli"), List.of(extra), Map.of(), Map.of(), "default",
        ScanOptions.DEFAULT_MAX_FILE_BYTES);
    Resource r = resource(scan(fixtures().resolve("varfiles"), opts), "null_resource.r");
    assertEquals("cli", r.attr("a").asString().orElseThrow());
    assertEquals("var-file", r.attr("b").asString().orElseThrow());
    assertEquals("b.auto.json", r.attr("c").asString().orElseThrow());
    assertEquals(2, r.attr("sizes").items().size());
    Resource plain = resource(scan(fixtures().resolve("varfiles")), "null_resource.r");
    assertEquals("tfvars", plain.attr("a").asString().orElseThrow());
    assertEquals("tfvars.json", plain.attr("b").asString().orElseThrow());
    ScanOptions listFromCli = new ScanOptions(Map.of("sizes", "[3, 4, 5]"), List.of(), Map.of(), Map.of(), "default",
        ScanOptions.DEFAULT_MAX_FILE_BYTES);
    assertEquals(3, resource(scan(fixtures().resolve("varfiles"), listFromCli), "null_resource.r").attr("sizes")
        .items().size());
  }

  @Test
  void modulesWithCountExpandAndUnknownCountMakesExistenceUnknown() {
    Model m = scan(fixtures().resolve("module-count"));
    assertEquals("n1", resource(m, "module.node[1].aws_instance.this").attr("tags.Name").asString().orElseThrow());
    Resource maybe = resource(m, "module.maybe.aws_instance.this");
    assertEquals(Truth.UNKNOWN, maybe.existence().truth(true));
    assertTrue(((Value.Unknown) maybe.existence()).reason().contains("var.enabled has no value"));
    assertEquals(List.of(SourceRange.at("main.tf", 7, 1)), maybe.callChain());
    assertEquals("child/main.tf", maybe.path());
  }

  @Test
  void moduleCyclesAreReportedNotFollowedForever() {
    Model m = scan(fixtures().resolve("cycle"));
    assertTrue(m.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR
        && d.message().contains("cycle")), "" + m.diagnostics());
  }

  @Test
  void expressionsFollowHclPrecedence() {
    Model m = snippet(tmp, """
        locals {
          xs = ["a", "", "b"]
          m  = { a = 1, b = 2 }
        }
        resource "t_x" "e" {
          arith   = 1 + 2 * 3 - 4 / 2 % 3
          neg     = -2 - -3
          logic   = !false && (true || false) && 1 < 2 && 2 >= 2 && "a" != "b"
          ternary = length(local.xs) == 3 ? "three" : "other"
          forlist = [for s in local.xs : upper(s) if s != ""]
          forobj  = { for k, v in local.m : v => k }
          group   = { for s in ["a", "b", "a"] : s => s... }
          tmpl    = "x-${local.m.b}-${local.m["a"]}"
          heredoc = <<-EOT
            hello ${local.m.a}
              world
          EOT
          lookup  = lookup(local.m, "z", 9)
          coal    = coalesce("", "c")
          fmt     = format("%s-%03d", "n", 7)
          merged  = merge(local.m, { c = 3 })
          keys    = keys(local.m)
          minmax  = max(min(5, 3), 2)
          tryit   = try(local.m.z, "fallback")
          canit   = can(local.m.z)
          has     = contains(local.xs, "b")
          elem    = element(local.xs, 4)
          splat   = [{ id = 1 }, { id = 2 }][*].id
          unknown = sha256("x")
          file    = file("x.txt")
          strnum  = tostring(5)
          anyt    = anytrue([false, true])
          flat    = flatten([["a"], [["b"]], []])
          base    = basename("a/b/c.txt")
          zip     = zipmap(["k"], ["v"])
          rng     = range(1, 4)
          split   = split(",", "a,,b")
          repl    = replace("a-b-c", "-", "_")
          cmp     = compact(["a", "", null, "b"])
        }
        """);
    Resource e = resource(m, "t_x.e");
    assertEquals("5", e.attr("arith").asString().orElseThrow());
    assertEquals("1", e.attr("neg").asString().orElseThrow());
    assertEquals(Truth.TRUE, e.attr("logic").truth(false));
    assertEquals("three", e.attr("ternary").asString().orElseThrow());
    assertEquals(2, e.attr("forlist").items().size());
    assertEquals("B", e.attr("forlist.1").asString().orElseThrow());
    assertEquals("b", e.attr("forobj.2").asString().orElseThrow());
    assertEquals(2, e.attr("group.a").items().size());
    assertEquals("x-2-1", e.attr("tmpl").asString().orElseThrow());
    assertEquals("hello 1\n  world\n", e.attr("heredoc").asString().orElseThrow());
    assertEquals("9", e.attr("lookup").asString().orElseThrow());
    assertEquals("c", e.attr("coal").asString().orElseThrow());
    assertEquals("n-007", e.attr("fmt").asString().orElseThrow());
    assertEquals("3", e.attr("merged.c").asString().orElseThrow());
    assertEquals("b", e.attr("keys.1").asString().orElseThrow());
    assertEquals("3", e.attr("minmax").asString().orElseThrow());
    assertEquals("fallback", e.attr("tryit").asString().orElseThrow());
    assertEquals(Truth.FALSE, e.attr("canit").truth(true));
    assertEquals(Truth.TRUE, e.attr("has").truth(false));
    assertEquals("", e.attr("elem").asString().orElseThrow());
    assertEquals("2", e.attr("splat.1").asString().orElseThrow());
    assertEquals("unknown (function sha256() is not evaluated)", e.attr("unknown").describe());
    assertTrue(e.attr("file").describe().contains("file()"));
    assertEquals("5", e.attr("strnum").asString().orElseThrow());
    assertEquals(Truth.TRUE, e.attr("anyt").truth(false));
    assertEquals("b", e.attr("flat.1").asString().orElseThrow());
    assertEquals("c.txt", e.attr("base").asString().orElseThrow());
    assertEquals("v", e.attr("zip.k").asString().orElseThrow());
    assertEquals(3, e.attr("rng").items().size());
    assertEquals(3, e.attr("split").items().size());
    assertEquals("a_b_c", e.attr("repl").asString().orElseThrow());
    assertEquals(2, e.attr("cmp").items().size());
    assertTrue(m.diagnostics().isEmpty(), "" + m.diagnostics());
  }

  @Test
  void unknownConditionsStayUnknownAndKleeneLogicDecidesWhatItCan() {
    Model m = snippet(tmp, """
        variable "x" {}
        resource "t_x" "u" {
          cond   = var.x ? true : false
          andf   = var.x && false
          ort    = var.x || true
          orx    = var.x || false
          nested = { a = var.x }
          tmpl   = "id-${var.x}"
          ref    = data.aws_vpc.main.id
        }
        """);
    Resource u = resource(m, "t_x.u");
    assertEquals(Truth.UNKNOWN, u.attr("cond").truth(false));
    assertEquals("unknown (var.x has no value)", u.attr("cond").describe());
    assertEquals(Truth.FALSE, u.attr("andf").truth(true));
    assertEquals(Truth.TRUE, u.attr("ort").truth(false));
    assertEquals(Truth.UNKNOWN, u.attr("orx").truth(false));
    assertEquals(Truth.UNKNOWN, u.attr("nested.a").truth(false));
    assertEquals(Truth.UNKNOWN, u.attr("tmpl").truth(false));
    assertEquals("unknown (data.aws_vpc.main is known only after apply)", u.attr("ref").describe());
    assertFalse(u.references().isEmpty());
  }

  @Test
  void topLevelAttributeIsADegradedRead() {
    Model m = snippet(tmp, "x = 1\nresource \"aws_instance\" \"i\" {}\n");
    assertEquals(Diagnostic.Level.WARNING, m.diagnostics().get(0).level());
    assertEquals(SourceRange.at("main.tf", 1, 1), m.diagnostics().get(0).location());
    resource(m, "aws_instance.i");
  }

  @Test
  void moduleOutsideTheScanRootIsNotRead() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(tmp.resolve("outside/main.tf"), "resource \"aws_instance\" \"secret\" {}\n");
    Files.writeString(root.resolve("main.tf"), "module \"o\" {\n  source = \"../outside\"\n}\n");
    Model m = scan(root);
    assertTrue(m.resources().stream().noneMatch(r -> r.address().contains("secret")));
    Diagnostic d = m.diagnostics().get(0);
    assertEquals(Diagnostic.Level.ERROR, d.level());
    assertEquals(SourceRange.at("main.tf", 2, 3), d.location());
  }

  @Test
  void variableTypesFillOptionalAttributesAndConvertPrimitives() {
    Model m = snippet(tmp, """
        variable "db" {
          type = object({
            multi_az = optional(bool, true)
            size     = optional(number)
            replicas = number
            zones    = optional(list(string), ["a"])
          })
          default = { replicas = "2" }
        }
        variable "pools" {
          type    = list(object({ ha = optional(bool, false) }))
          default = [{}, { ha = true }]
        }
        resource "aws_db_instance" "d" {
          multi_az = var.db.multi_az
          size     = var.db.size
          replicas = var.db.replicas + 1
          zone     = var.db.zones[0]
          pool_ha  = [for p in var.pools : p.ha]
          lifecycle {
            ignore_changes = [tags]
          }
        }
        """);
    Resource d = resource(m, "aws_db_instance.d");
    assertEquals(Truth.TRUE, d.attr("multi_az").truth(false));
    assertEquals(Truth.FALSE, d.attr("size").truth(false), "an optional attribute without default is null");
    assertEquals(3, d.attr("replicas").asLong().orElseThrow());
    assertEquals("a", d.attr("zone").asString().orElseThrow());
    assertEquals(Truth.FALSE, d.attr("pool_ha.0").truth(true));
    assertEquals(Truth.TRUE, d.attr("pool_ha.1").truth(false));
    assertEquals("[tags]", d.attr("lifecycle.ignore_changes").asString().orElseThrow());
  }

  @Test
  void overrideFilesMergeIntoTheirBlocks() throws Exception {
    Files.writeString(tmp.resolve("main.tf"), "resource \"aws_db_instance\" \"d\" {\n  multi_az = false\n"
        + "  engine = \"postgres\"\n  backup {\n    days = 1\n  }\n}\n");
    Files.writeString(tmp.resolve("ha_override.tf"), "resource \"aws_db_instance\" \"d\" {\n  multi_az = true\n"
        + "  backup {\n    days = 7\n  }\n}\n");
    Model m = scan(tmp);
    assertEquals(1, m.resources().size(), "" + m.resources());
    Resource d = m.resources().get(0);
    assertEquals(Truth.TRUE, d.attr("multi_az").truth(false));
    assertEquals(SourceRange.at("ha_override.tf", 2, 3), d.attr("multi_az").location().orElseThrow());
    assertEquals("postgres", d.attr("engine").asString().orElseThrow());
    assertEquals(1, d.attr("backup").items().size());
    assertEquals(7, d.attr("backup.days").asLong().orElseThrow());
    assertEquals(SourceRange.at("main.tf", 1, 1), d.range());
  }

  @Test
  void outputsOfLocalModulesAreEvaluatedWithTheCallsArguments() throws Exception {
    Path child = Files.createDirectories(tmp.resolve("net"));
    Files.writeString(child.resolve("main.tf"), """
        variable "azs" {}
        output "zones" {
          value = [for z in var.azs : "eu-west-1${z}"]
        }
        output "id" {
          value = aws_vpc.this.id
        }
        resource "aws_vpc" "this" {}
        """);
    Files.writeString(tmp.resolve("main.tf"), """
        module "net" {
          source = "./net"
          azs    = ["a"]
        }
        resource "aws_db_subnet_group" "g" {
          zones  = module.net.zones
          vpc_id = module.net.id
        }
        """);
    Model m = scan(tmp);
    Resource g = resource(m, "aws_db_subnet_group.g");
    assertEquals(1, g.attr("zones").items().size());
    assertEquals("eu-west-1a", g.attr("zones.0").asString().orElseThrow());
    assertEquals(SourceRange.at("main.tf", 6, 3), g.attr("zones").location().orElseThrow());
    assertEquals(SourceRange.at("main.tf", 6, 12), g.attr("zones.0").location().orElseThrow(), "at the reference");
    assertEquals("unknown (aws_vpc.this.id is known only after apply)", g.attr("vpc_id").describe());
    assertEquals(1, m.where(r -> r.address().equals("module.net.aws_vpc.this")).size());
  }

  @Test
  void aForEachSetWithAnUnknownElementIsOneSymbolicInstance() {
    Model m = snippet(tmp, """
        variable "extra" {}
        resource "aws_instance" "i" {
          for_each = toset(["a", var.extra])
          has      = contains([var.extra], "a")
          same     = [var.extra] == ["a"]
        }
        """);
    Resource i = resource(m, "aws_instance.i");
    assertEquals(Truth.UNKNOWN, i.existence().truth(true));
    assertTrue(((Value.Unknown) i.existence()).reason().contains("var.extra has no value"));
    assertEquals(Truth.UNKNOWN, i.attr("has").truth(false));
    assertEquals(Truth.UNKNOWN, i.attr("same").truth(false));
  }

  @Test
  void aSliceOfAListKnownAfterApplyHasItsLength() {
    // slice() fails unless the list is long enough, so three zone names come out of it when it applies.
    Resource r = resource(snippet(tmp, "data \"aws_availability_zones\" \"available\" {}\n"
        + "locals {\n  azs = slice(data.aws_availability_zones.available.names, 0, 3)\n}\n"
        + "resource \"null_resource\" \"r\" {\n  triggers = {\n    zones = local.azs\n"
        + "    subnets = [for k, v in local.azs : \"10.0.${k}.0/24\"]\n"
        + "    bad = slice(data.aws_availability_zones.available.names, 2, 1)\n  }\n}\n"), "null_resource.r");
    List<Value> zones = r.attr("triggers.zones").items();
    assertEquals(3, zones.size());
    assertTrue(zones.get(2).unknownReason().orElseThrow().contains("data.aws_availability_zones.available"));
    assertEquals("10.0.2.0/24", r.attr("triggers.subnets").items().get(2).asString().orElseThrow());
    assertTrue(r.attr("triggers.bad").isUnknown(), "reversed bounds stay unknown");
  }

  @Test
  void jsonencodeWritesWhatTerraformWrites() {
    Resource r = resource(snippet(tmp, "resource \"null_resource\" \"r\" {\n  triggers = {\n"
        + "    json = jsonencode({ b = 1.50, a = [\"<x>\", true, null] })\n"
        + "    yaml = yamlencode({ architecture = \"standalone\" })\n"
        + "    later = jsonencode({ id = data.aws_vpc.main.id })\n  }\n}\n"), "null_resource.r");
    assertEquals("{\"a\":[\"\\u003cx\\u003e\",true,null],\"b\":1.5}",
        r.attr("triggers.json").asString().orElseThrow(), "sorted keys, no spaces, HTML characters escaped");
    assertEquals("{\"architecture\":\"standalone\"}", r.attr("triggers.yaml").asString().orElseThrow());
    assertTrue(r.attr("triggers.later").isUnknown(), "an unknown inside stays unknown");
  }

  @Test
  void fileReadsTextInsideTheScanRootOnly() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("app/values.yaml"), "replicaCount: 1\n");
    Files.writeString(tmp.resolve("secret.txt"), "outside");
    Files.createSymbolicLink(root.resolve("app/link.txt"), tmp.resolve("secret.txt"));
    Files.writeString(root.resolve("app/main.tf"), "resource \"null_resource\" \"r\" {\n  triggers = {\n"
        + "    module = file(\"${path.module}/values.yaml\")\n    cwd = file(\"values.yaml\")\n"
        + "    up = file(\"../../secret.txt\")\n    link = file(\"link.txt\")\n"
        + "    missing = file(\"nope.yaml\")\n  }\n}\n");
    Resource r = resource(scan(root), "null_resource.r");
    assertEquals("replicaCount: 1\n", r.attr("triggers.module").asString().orElseThrow());
    assertEquals("replicaCount: 1\n", r.attr("triggers.cwd").asString().orElseThrow(), "a root module's folder");
    assertTrue(r.attr("triggers.up").isUnknown(), "outside the scan root");
    assertTrue(r.attr("triggers.link").isUnknown(), "a link leading outside the scan root");
    assertTrue(r.attr("triggers.missing").unknownReason().orElseThrow().contains("nope.yaml"));
  }
}
