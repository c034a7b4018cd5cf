package io.spofscan.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {
  private static Finding f(String address, String fp) {
    return new Finding("SPOF-RDS-001", Severity.HIGH, true, "m", SourceRange.at("db.tf", 3, 1), Format.TERRAFORM,
        "aws_db_instance", address, List.of(), fp);
  }

  @Test
  void reportsOnlyNewFindingsCountsBaselinedAndListsGoneOnes() {
    Baseline baseline = Baseline.of(List.of(f("aws_db_instance.a", "1"), f("aws_db_instance.b", "2")));
    Baseline.Outcome o = baseline.apply(List.of(f("aws_db_instance.a", "1"), f("aws_db_instance.c", "3")));
    assertEquals(List.of("aws_db_instance.c"), o.newFindings().stream().map(Finding::resourceAddress).toList());
    assertEquals(1, o.baselined().size());
    assertEquals(List.of("aws_db_instance.b"), o.gone().stream().map(Baseline.Entry::resource).toList());
  }

  @Test
  void fileIsSortedVersionedJson() {
    String json = Baseline.of(List.of(f("aws_db_instance.z", "9"), f("aws_db_instance.a", "1"))).toJson();
    assertTrue(json.startsWith("{\n  \"version\": 1,"), json);
    assertTrue(json.indexOf("aws_db_instance.a") < json.indexOf("aws_db_instance.z"));
  }
}
