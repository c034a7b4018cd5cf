package io.spofscan.parsers.terraform;

import static io.spofscan.parsers.terraform.TfTesting.resource;
import static io.spofscan.parsers.terraform.TfTesting.scan;
import static io.spofscan.parsers.terraform.TfTesting.snippet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spofscan.core.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output of a module the scan cannot follow is unknown for the real reason, not "known only after apply". */
class ModuleOutputReasonTest {
  @TempDir
  Path tmp;

  @Test
  void aRegistryModuleIsNamedAsNotRead() {
    Model m = snippet(tmp, "module \"db\" {\n  source = \"terraform-aws-modules/rds/aws\"\n}\n"
        + "resource \"null_resource\" \"r\" {\n  host = module.db.db_instance_address\n}\n");
    assertEquals("unknown (module.db (terraform-aws-modules/rds/aws) is not read (spofscan reads local modules "
        + "only); its output `db_instance_address` is unknown)", resource(m, "null_resource.r").attr("host")
        .describe());
  }

  @Test
  void aLocalModuleWithCountAndAMissingOutputAreNamed() throws Exception {
    Files.createDirectories(tmp.resolve("m"));
    Files.writeString(tmp.resolve("m/main.tf"), "output \"id\" {\n  value = \"x\"\n}\n");
    Files.writeString(tmp.resolve("main.tf"), "module \"many\" {\n  source = \"./m\"\n  count  = 2\n}\n"
        + "module \"one\" {\n  source = \"./m\"\n}\n"
        + "resource \"null_resource\" \"r\" {\n  a = module.many[0].id\n  b = module.one.nope\n"
        + "  c = module.one.id\n  d = module.ghost.x\n}\n");
    var r = resource(scan(tmp), "null_resource.r");
    assertEquals("unknown (module.many (./m) uses count or for_each, so its outputs are not followed; its outputs "
        + "are unknown)", r.attr("a").describe());
    assertEquals("unknown (module.one (./m) declares no output `nope`)", r.attr("b").describe());
    assertEquals("x", r.attr("c").asString().orElseThrow());
    assertEquals("unknown (module.ghost is not declared in .; its output `x` is unknown)", r.attr("d").describe());
  }
}
