package io.spofscan.rules.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spofscan.core.graph.Graph;
import io.spofscan.core.graph.Node;
import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every graph case with a {@code flow.expect} ({@code NODE-ID: A -> B -> NODE-ID} a line): the chain a finding on
 * that node carries, from the flow's entry, shortest first and ties broken by the hops' addresses.
 */
class FlowChainsTest {

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> s = Files.walk(GraphFixtureTest.root())) {
      return s.filter(p -> p.getFileName().toString().equals("flow.expect")).map(Path::getParent).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachTargetCarriesItsExpectedChain(Path dir) throws IOException {
    List<SourceFile> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> !p.getFileName().toString().endsWith(".expect")).sorted()
          .map(p -> new SourceFile(p, dir.relativize(p).toString(), dir)).toList();
    }
    Model model = Parsers.parse(files, ScanOptions.defaults());
    Graph graph = Graphs.of(model);
    FlowChains chains = new FlowChains(graph, Flows.of(model));
    for (String line : Files.readAllLines(dir.resolve("flow.expect"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(": ");
      String id = line.substring(0, colon);
      Node target = graph.node(id).orElseThrow(() -> new AssertionError("no node " + id + " in " + dir));
      assertEquals(line.substring(colon + 2), chains.chainOf(target).arrows(), "chain to " + id);
    }
  }
}
