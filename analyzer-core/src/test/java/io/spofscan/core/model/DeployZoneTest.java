package io.spofscan.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployZoneTest {
  private static final SourceRange AT = SourceRange.at("stack.yaml", 9, 7);

  @Test
  void identitySurvivesTheReason() {
    Value first = DeployZone.pick("", 0, AT);
    assertTrue(first.isUnknown(), "the zone's name is still unknown");
    assertEquals(Optional.of(new DeployZone("", 0)), DeployZone.of(first));
    assertEquals(Optional.of(new DeployZone("eu-west-1", 2)), DeployZone.of(DeployZone.pick("eu-west-1", 2, AT)));
    DeployZone all = DeployZone.of(DeployZone.all("", AT)).orElseThrow();
    assertTrue(all.isAll());
    assertEquals("every zone of the stack's region", all.describe());
    assertEquals("zone 1 of region us-east-1", new DeployZone("us-east-1", 1).describe());
  }

  @Test
  void otherUnknownsAreNoZone() {
    assertFalse(DeployZone.of(Value.unknown("parameter Subnets has no value", AT)).isPresent());
    assertFalse(DeployZone.of(Value.of("eu-west-1a", AT)).isPresent());
    assertFalse(DeployZone.of(Value.absent()).isPresent());
  }
}
