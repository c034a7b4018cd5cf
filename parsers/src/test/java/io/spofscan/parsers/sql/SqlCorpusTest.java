package io.spofscan.parsers.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every SQL file of the real-world extra corpus is read or gets a diagnostic, never a crash; prints the parse rate
 * of statements by dialect. Skips when the corpus is absent.
 */
class SqlCorpusTest {
  private static final boolean DUMP = Boolean.getBoolean("sqlcorpus.dump");

  @Test
  void everyMigrationParsesOrSaysWhy() throws IOException {
    String prop = System.getProperty("spofscan.realworld.extra", "");
    Path corpus = Path.of(prop.isBlank() ? "absent" : prop);
    assumeTrue(Files.isRegularFile(corpus.resolve("files.tsv")), "real-world extra corpus not present");
    Map<String, int[]> byDialect = new TreeMap<>(); // files, statements, unread checked, unread other
    int sqlFiles = 0;
    int migrations = 0;
    for (String line : Files.readAllLines(corpus.resolve("files.tsv"), StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      if (!cols[0].equals("sql-migration")) {
        continue;
      }
      sqlFiles++;
      Model m = new SqlMigrationParser(ScanOptions.defaults())
          .parse(List.of(new SourceFile(corpus.resolve(cols[1]), cols[1], corpus)));
      assertEquals(List.of(), m.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).toList());
      if (DUMP) {
        m.diagnostics().forEach(d -> System.out.println("DIAG " + d.location() + " " + d.message()));
      }
      if (m.resources().isEmpty()) {
        if (DUMP) {
          System.out.println("NOTMIGRATION " + cols[1]);
        }
        continue;
      }
      migrations++;
      Resource r = m.resources().get(0);
      int[] c = byDialect.computeIfAbsent(r.attr("dialect").asString().orElse("?"), k -> new int[4]);
      c[0]++;
      c[1] += r.attr("statements").items().size();
      for (Diagnostic d : m.diagnostics()) {
        if (d.message().contains("could not be parsed")) {
          c[2]++;
        } else if (d.message().contains("not parsed")) {
          c[3]++;
        }
      }
    }
    StringBuilder sb = new StringBuilder("SQL corpus: " + sqlFiles + " .sql files, " + migrations
        + " read as migrations\n");
    byDialect.forEach((d, c) -> sb.append(String.format("  %-12s files %4d  lock-relevant statements read %5d,"
        + " unreadable %4d (%.1f%% read); other statements not parsed %d%n", d, c[0], c[1], c[2],
        100.0 * c[1] / Math.max(1, c[1] + c[2]), c[3])));
    System.out.print(sb);
    assertTrue(migrations > sqlFiles / 2, sb.toString());
  }
}
