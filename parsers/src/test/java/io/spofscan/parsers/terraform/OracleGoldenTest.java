package io.spofscan.parsers.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spofscan.core.model.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares the parser's structure with HashiCorp's HCL parser on the oracle snippets: accept/reject, top-level block
 * ids, and the body keys of resources, data sources and module calls. The goldens are written offline by
 * tools/hcl-oracle/oracle.mjs, so the build needs no Node.
 */
class OracleGoldenTest {

  @TestFactory
  Stream<DynamicTest> matchesHashicorpParser() throws Exception {
    Path dir = TfTesting.fixtures().resolve("oracle");
    JsonNode goldens = new ObjectMapper().readTree(dir.resolve("goldens.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = goldens.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> golden = it.next();
      tests.add(DynamicTest.dynamicTest(golden.getKey(), () -> {
        String text = Files.readString(dir.resolve(golden.getKey()), StandardCharsets.UTF_8);
        assertEquals(expected(golden.getValue()), actual(golden.getKey(), text));
      }));
    }
    return tests.stream();
  }

  private static String expected(JsonNode g) {
    if (!g.get("accept").asBoolean()) {
      return "reject";
    }
    List<String> blocks = new ArrayList<>();
    g.get("blocks").forEach(b -> blocks.add(b.asText()));
    Map<String, List<String>> bodies = new TreeMap<>();
    g.get("bodies").fields().forEachRemaining(e -> {
      List<String> keys = new ArrayList<>();
      e.getValue().forEach(k -> keys.add(k.asText()));
      bodies.put(e.getKey(), keys);
    });
    return "blocks " + blocks + " bodies " + bodies;
  }

  private static String actual(String name, String text) {
    var workers = Executors.newSingleThreadExecutor();
    try {
      Hcl.File file = new HclReader(workers, 20_000).read(name, text, true);
      if (!file.usable() || file.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR)) {
        return "reject";
      }
      List<String> blocks = new ArrayList<>();
      Map<String, List<String>> bodies = new TreeMap<>();
      for (Hcl.Block b : file.blocks()) {
        if (b.type().equals("locals")) {
          b.body().attributes().forEach(a -> blocks.add("locals." + a.name()));
          continue;
        }
        String id = String.join(".", Stream.concat(Stream.of(b.type()), b.labels().stream()).toList());
        blocks.add(id);
        if (List.of("resource", "data", "module").contains(b.type())) {
          TreeSet<String> keys = new TreeSet<>();
          b.body().attributes().forEach(a -> keys.add(a.name()));
          b.body().blocks().forEach(n -> keys.add(n.type()));
          bodies.put(id, new ArrayList<>(keys));
        }
      }
      blocks.sort(null);
      return "blocks " + blocks + " bodies " + bodies;
    } finally {
      workers.shutdownNow();
    }
  }
}
