package io.spofscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.Parsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each registry-module entry on a call written four ways: the risky value (a finding), a safe value (none), an
 * unresolved value (an uncertain finding), and the input left out (the module's own default decides).
 */
class RegistryModuleCasesTest {
  @TempDir
  Path tmp;

  private List<String> scan(String rule, String source, String argument) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("c" + System.nanoTime()));
    Files.writeString(dir.resolve("main.tf"), "variable \"unresolved\" {}\n\nmodule \"m\" {\n  source = \"" + source
        + "\"\n" + (argument.isEmpty() ? "" : "  " + argument + "\n") + "}\n");
    var files = new FileWalker(dir).walk(List.of(dir)).files();
    List<Finding> found = new Analyzer(List.of(BuiltInRules.byId(rule).orElseThrow()))
        .analyze(Parsers.parse(files, ScanOptions.defaults())).findings();
    return found.stream().map(f -> f.location().line() + (f.certain() ? " certain" : " unknown")).toList();
  }

  @ParameterizedTest(name = "{1} {2}")
  @CsvSource(delimiter = '|', value = {
      "SPOF-RDS-001|terraform-aws-modules/rds/aws|multi_az|false|true|risky",
      "SPOF-RDS-001|terraform-aws-modules/rds/aws//modules/db_instance|multi_az|false|true|risky",
      "SPOF-RDS-001|cloudposse/rds/aws|multi_az|false|true|risky",
      "SPOF-CLOUDSQL-001|GoogleCloudPlatform/sql-db/google//modules/postgresql|availability_type|\"ZONAL\"|\"REGIONAL\"|risky",
      "SPOF-CLOUDSQL-001|GoogleCloudPlatform/sql-db/google//modules/mssql|availability_type|\"ZONAL\"|\"REGIONAL\"|risky",
      "SPOF-CLOUDSQL-001|GoogleCloudPlatform/sql-db/google//modules/mysql|availability_type|\"ZONAL\"|\"REGIONAL\"|safe",
      "SPOF-AZDB-001|Azure/avm-res-dbforpostgresql-flexibleserver/azurerm|high_availability|null"
          + "|{ mode = \"ZoneRedundant\" }|safe",
      "SPOF-RDS-004|terraform-aws-modules/rds-aurora/aws|instances|{ one = {} }|{ one = {}, two = {} }|risky",
      "SPOF-NAT-001|terraform-aws-modules/vpc/aws|single_nat_gateway|true|false|safe",
      "SPOF-GKE-001|terraform-google-modules/kubernetes-engine/google|regional|false|true|safe",
      "SPOF-GKE-001|terraform-google-modules/kubernetes-engine/google//modules/private-cluster|regional|false|true"
          + "|safe",
      "SPOF-GKE-001|terraform-google-modules/kubernetes-engine/google//modules/beta-private-cluster|regional|false"
          + "|true|safe",
      "SPOF-GKE-001|terraform-google-modules/kubernetes-engine/google//modules/beta-public-cluster|regional|false"
          + "|true|safe",
      "SPOF-MEMORYSTORE-001|terraform-google-modules/memorystore/google|tier|\"BASIC\"|\"STANDARD_HA\"|safe",
      "SPOF-AKS-001|Azure/aks/azurerm|agents_availability_zones|null|[\"1\", \"2\", \"3\"]|risky",
      "SPOF-AKS-001|Azure/aks/azurerm|agents_availability_zones|[\"2\"]|[\"1\", \"2\"]|risky",
      "SPOF-AKS-001|Azure/avm-res-containerservice-managedcluster/azurerm|default_agent_pool|{ count_of = 3 }"
          + "|{ availability_zones = [\"1\", \"2\", \"3\"] }|risky",
      "SPOF-MEMORYSTORE-002|terraform-google-modules/memorystore/google//modules/redis-cluster|replica_count|0|1"
          + "|risky",
      "SPOF-AZREDIS-001|Azure/avm-res-cache-redis/azurerm|sku_name|\"Basic\"|\"Premium\"|safe",
      "SPOF-AZREDIS-001|Azure/avm-res-cache-redis/azurerm|zones|[\"1\"]|[\"1\", \"2\"]|safe",
      "SPOF-VNETDNS-001|Azure/avm-res-network-virtualnetwork/azurerm|dns_servers|{ dns_servers = [\"10.0.0.4\"] }"
          + "|{ dns_servers = [\"10.0.0.4\", \"10.0.0.5\"] }|safe",
  })
  void riskySafeUnresolvedAndDefault(String rule, String source, String input, String risky, String safe,
      String byDefault) throws Exception {
    String guards = rule.equals("SPOF-NAT-001")
        ? "\n  enable_nat_gateway = true\n  azs = [\"a\", \"b\"]\n  private_subnets = [\"x\", \"y\"]" : "";
    int line = 5;
    assertEquals(List.of(line + " certain"), scan(rule, source, input + " = " + risky + guards), "risky");
    assertEquals(List.of(), scan(rule, source, input + " = " + safe + guards), "safe");
    assertEquals(List.of(line + " unknown"), scan(rule, source, input + " = var.unresolved" + guards), "unresolved");
    assertEquals(byDefault.equals("risky") ? List.of("3 certain") : List.of(),
        scan(rule, source, guards.isEmpty() ? "" : guards.substring(3)), "left out");
  }
}
