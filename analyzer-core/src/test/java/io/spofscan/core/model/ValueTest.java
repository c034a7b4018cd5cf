package io.spofscan.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTest {
  private static final SourceRange AT = SourceRange.at("main.tf", 3, 5);

  @Test
  void booleanTruthIsThreeValued() {
    assertEquals(Truth.TRUE, Value.of(true, AT).truth(false));
    assertEquals(Truth.FALSE, Value.of("False", AT).truth(true));
    assertEquals(Truth.UNKNOWN, Value.unknown("var.x has no value", AT).truth(false));
    assertEquals(Truth.TRUE, Value.absent().truth(true), "absent takes the provider default");
    assertEquals(Truth.UNKNOWN, Value.of("maybe", AT).truth(false), "a non-boolean string is not false");
  }

  @Test
  void navigationThroughUnknownStaysUnknown() {
    Value unknownSpec = Value.unknown("var.spec has no value", AT);
    Value deep = unknownSpec.path("template.spec.replicas");
    assertTrue(deep.isUnknown());
    assertEquals("var.spec has no value", deep.unknownReason().orElseThrow());
  }

  @Test
  void getLooksThroughAOneBlockList() {
    Map<String, Value> block = new LinkedHashMap<>();
    block.put("enabled", Value.of(true, SourceRange.at("main.tf", 7, 5)));
    Value blocks = new Value.ListValue(List.of(new Value.MapValue(block, AT)), AT);
    assertEquals(Truth.TRUE, blocks.get("enabled").truth(false));
    assertEquals(7, blocks.get("enabled").location().orElseThrow().line());
  }

  @Test
  void pathIndexesLists() {
    Value list = new Value.ListValue(List.of(Value.of("a", AT), Value.of("b", AT)), AT);
    Value root = new Value.MapValue(Map.of("items", list), AT);
    assertEquals("b", root.path("items.1").asString().orElseThrow());
    assertTrue(root.path("items.5").isAbsent());
  }

  @Test
  void numbersFromNumbersAndNumericStrings() {
    assertEquals(3, Value.of(3, AT).asLong().orElseThrow());
    assertEquals(2, Value.of("2", AT).asLong().orElseThrow());
    assertTrue(Value.of(1.5, AT).asLong().isEmpty());
    assertEquals("1.5", Value.of(1.5, AT).asString().orElseThrow());
  }

  @Test
  void kleeneLogic() {
    assertEquals(Truth.FALSE, Truth.UNKNOWN.and(Truth.FALSE));
    assertEquals(Truth.UNKNOWN, Truth.UNKNOWN.and(Truth.TRUE));
    assertEquals(Truth.TRUE, Truth.UNKNOWN.or(Truth.TRUE));
    assertEquals(Truth.UNKNOWN, Truth.UNKNOWN.not());
  }

  @Test
  void rangesAreNeverZero() {
    SourceRange r = new SourceRange("a.yaml", 0, 0, 0, 0);
    assertEquals(1, r.line());
    assertEquals(1, r.column());
  }
}
