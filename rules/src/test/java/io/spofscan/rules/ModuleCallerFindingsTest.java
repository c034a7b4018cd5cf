package io.spofscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RelatedLocation;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Findings inside a local module: at the caller's argument (or its call) with the module line as a related
 * location; one line reached by several calls is one finding listing them; a module on its own says it is judged
 * by its defaults.
 */
class ModuleCallerFindingsTest {
  private static final String DIR = "terraform/SPOF-RDS-001/";

  private static List<Finding> scan(String folder) throws Exception {
    Path dir = Fixtures.root().resolve(DIR + folder);
    List<SourceFile> files = new FileWalker(dir).walk(List.of(dir)).files();
    return new Analyzer(List.of(BuiltInRules.byId("SPOF-RDS-001").orElseThrow()))
        .analyze(Parsers.parse(files, ScanOptions.defaults())).findings();
  }

  private static Finding at(List<Finding> findings, String where) {
    return findings.stream().filter(f -> f.location().toString().equals(where)).findFirst()
        .orElseThrow(() -> new AssertionError("no finding at " + where + " in " + findings));
  }

  @Test
  void theCallersArgumentCarriesTheFindingAndTheModuleLineIsRelated() throws Exception {
    List<Finding> findings = scan("module_callers");
    Finding orders = at(findings, "main.tf:5:3");
    assertEquals("module.orders.aws_db_instance.this", orders.resourceAddress());
    assertEquals(List.of(new RelatedLocation(io.spofscan.core.model.SourceRange.at("modules/db/main.tf", 13, 3),
        "the module's attribute this value reaches (module.orders.aws_db_instance.this)")), orders.related());
  }

  @Test
  void anOmittedArgumentPointsAtTheCallAndSaysTheDefaultDecides() throws Exception {
    List<Finding> findings = scan("module_callers");
    Finding billing = at(findings, "main.tf:8:1");
    assertTrue(billing.message().endsWith("(by default: variable `multi_az` defaults to false)"), billing.message());
    Finding stock = at(findings, "main.tf:27:3");
    assertTrue(stock.message().endsWith("(by default: variable `stock_multi_az` defaults to false)"),
        stock.message());
  }

  @Test
  void oneModuleLineCalledFiveTimesIsOneFindingListingTheCalls() throws Exception {
    List<Finding> findings = scan("module_callers");
    List<Finding> audit = findings.stream().filter(f -> f.location().path().equals("modules/db/main.tf")).toList();
    assertEquals(1, audit.size(), findings::toString);
    Finding f = audit.get(0);
    assertEquals("modules/db/main.tf:17:1", f.location().toString());
    assertEquals(5, f.related().size(), f.related()::toString);
    assertTrue(f.related().stream().allMatch(r -> r.location().path().equals("main.tf")
        && r.message().equals("instantiated by this module call")));
    assertTrue(f.message().contains("the same for 4 more instances of this module line: "
        + "module.ledger.aws_db_instance.audit, module.maybe.aws_db_instance.audit, "
        + "module.orders.aws_db_instance.audit, module.stock.aws_db_instance.audit)"), f.message());
  }

  @Test
  void aModuleOnItsOwnIsJudgedByItsDefaultsAndSaysSo() throws Exception {
    List<Finding> findings = scan("module_on_its_own");
    assertEquals(1, findings.size(), findings::toString);
    Finding f = findings.get(0);
    assertEquals("main.tf:14:3", f.location().toString());
    assertTrue(f.message().endsWith("(by default: variable `multi_az` defaults to false)"), f.message());
    assertEquals(List.of(), f.related());
  }
}
