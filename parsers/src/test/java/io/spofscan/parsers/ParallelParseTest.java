package io.spofscan.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model must not depend on how many files are parsed at once. */
class ParallelParseTest {
  private static final Path TESTDATA = Path.of(System.getProperty("spofscan.testdata", "../testdata"));

  @Test
  void oneThreadAndFourThreadsGiveTheSameModel() throws IOException {
    FileWalker.Result walked = new FileWalker(TESTDATA).walk(List.of(TESTDATA));
    assertTrue(walked.files().size() > 100, "the fixture tree is the input");
    Model serial = Parsers.parse(walked.files(), ScanOptions.defaults(), 1);
    Model parallel = Parsers.parse(walked.files(), ScanOptions.defaults(), 4);
    assertEquals(describe(serial), describe(parallel));
    assertEquals(serial.diagnostics(), parallel.diagnostics());
  }

  private static List<String> describe(Model m) {
    return m.resources().stream().map(ParallelParseTest::describe).toList();
  }

  private static String describe(Resource r) {
    return r.range() + " " + r.type() + " " + r.address() + " " + r.body() + " " + r.existence();
  }
}
