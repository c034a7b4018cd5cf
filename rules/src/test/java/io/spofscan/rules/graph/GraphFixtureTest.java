package io.spofscan.rules.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.graph.Edge;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under testdata/graph/&lt;format&gt;/&lt;edge-kind&gt;/ is a folder of files scanned together and a
 * {@code chain.expect}: one chain a line, {@code A -kind-> B -kind-> C} by node id, each hop an edge the graph must
 * have; a line {@code ! A -kind-> B} is an edge it must not have.
 */
class GraphFixtureTest {

  static Path root() {
    return Path.of(System.getProperty("spofscan.testdata", "../testdata")).resolve("graph");
  }

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> s = Files.walk(root())) {
      return s.filter(p -> p.getFileName().toString().equals("chain.expect")).map(Path::getParent).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expectedChainsAreEdgesOfTheGraph(Path dir) throws IOException {
    List<SourceFile> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> !p.getFileName().toString().endsWith(".expect")).sorted()
          .map(p -> new SourceFile(p, dir.relativize(p).toString(), dir)).toList();
    }
    Model model = Parsers.parse(files, ScanOptions.defaults());
    Graph graph = Graphs.of(model);
    Set<String> edges = graph.edges().stream().map(GraphFixtureTest::text).collect(Collectors.toSet());
    for (String line : Files.readAllLines(dir.resolve("chain.expect"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("! ")) {
        String absent = line.substring(2).trim();
        assertFalse(edges.contains(absent), "unexpected edge " + absent + " in " + dir);
        continue;
      }
      String[] parts = line.trim().split(" ");
      for (int i = 0; i + 2 < parts.length; i += 2) {
        String hop = parts[i] + " " + parts[i + 1] + " " + parts[i + 2];
        assertTrue(edges.contains(hop), "missing edge " + hop + " in " + dir + "; the graph has " + edges);
      }
    }
  }

  private static String text(Edge e) {
    return e.from().id().replace(' ', '_') + " -" + e.kind().label() + "-> " + e.to().id().replace(' ', '_');
  }
}
