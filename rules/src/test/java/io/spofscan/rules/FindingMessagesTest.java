package io.spofscan.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages that must name the real failure mode (the fixtures check where findings are, not what they say). */
class FindingMessagesTest {

  private static String message(String fixture, String ruleId, String resource) {
    Path file = Fixtures.root().resolve(fixture);
    Model model = Parsers.parse(List.of(new SourceFile(file, Fixtures.display(file), Fixtures.root())),
        ScanOptions.defaults());
    List<Finding> findings = new Analyzer(List.of(BuiltInRules.byId(ruleId).orElseThrow())).analyze(model)
        .findings();
    return findings.stream().filter(f -> f.resourceAddress().contains(resource)).map(Finding::message)
        .findFirst().orElseThrow(() -> new AssertionError("no " + ruleId + " finding for " + resource + ": "
            + findings));
  }

  @Test
  void oneFindingListsEveryMissingProtection() {
    String m = message("kubernetes/SPOF-K8S-003/all_three_missing.yaml", "SPOF-K8S-003", "catalog");
    assertTrue(m.contains("no PodDisruptionBudget, no spread over nodes and no spread over zones"), m);
    String zone = message("kubernetes/SPOF-K8S-003/zone_spread_missing.yaml", "SPOF-K8S-003", "web");
    assertTrue(zone.contains("with no spread over zones:") && !zone.contains("PodDisruptionBudget"), zone);
  }

  @Test
  void recreateForASingleWriterVolumeNamesTheVolume() {
    String m = message("kubernetes/SPOF-K8S-012/shared_rwo_volume.yaml", "SPOF-K8S-012", "media");
    assertTrue(m.contains("ReadWriteOnce claim uploads") && m.contains("single-writer volume is the single point")
        && !m.contains("uses strategy Recreate although"), m);
  }

  @Test
  void redisInOneZoneSaysZoneOutageNotPrimaryLoss() {
    String m = message("cloudformation/SPOF-REDIS-002/failover_two_zones.yaml", "SPOF-REDIS-002", "OneZone");
    assertTrue(m.contains("Availability Zone eu-west-1a") && !m.contains("cannot survive the loss of its primary"),
        m);
  }

  @Test
  void aGroupCappedAtOneSaysSo() {
    String m = message("terraform/SPOF-EKS-001/max_size_one.tf", "SPOF-EKS-001", "tools");
    assertTrue(m.contains("runs at most one node (maximum size 1)"), m);
    String asg = message("cloudformation/SPOF-ASG-001/desired_capacity.yaml", "SPOF-ASG-001", "Bastion");
    assertTrue(asg.contains("runs at most one instance"), asg);
  }
}
