package io.spofscan.parsers.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.documents.DocumentParser;
import io.spofscan.parsers.yaml.ParsedDocuments.NoteKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class YamlTreeBuilderTest {
  private static final ParseLimits LIMITS = ParseLimits.forFileCap(ScanOptions.DEFAULT_MAX_FILE_BYTES);

  private static ParsedDocuments yaml(String text) {
    return new YamlTreeBuilder("t.yaml", text, LIMITS).read();
  }

  private static Value root(String text) {
    ParsedDocuments p = yaml(text);
    assertTrue(p.error().isEmpty(), () -> p.error().get().toString());
    return p.documents().get(0).root();
  }

  @Test
  void shortFormTagsBecomeIntrinsicObjectsOnScalarsSequencesAndMappings() {
    Value v = root("a: !Ref X\nb: !GetAtt Db.Endpoint.Address\nc: !If [C, !Ref Y, !Sub \"x${Z}\"]\n"
        + "d: !Base64 {Fn::Sub: s}\ne: !GetAZs\nf: !GetAtt [Db, Arn]\n");
    assertEquals(Map.of("Ref", "X"), Map.of("Ref", v.get("a").get("Ref").asString().orElseThrow()));
    Value getAtt = v.get("b").get("Fn::GetAtt");
    assertEquals("Db", getAtt.items().get(0).asString().orElseThrow());
    assertEquals("Endpoint.Address", getAtt.items().get(1).asString().orElseThrow(), "split on the first dot");
    List<Value> ifArgs = v.get("c").get("Fn::If").items();
    assertEquals("Y", ifArgs.get(1).get("Ref").asString().orElseThrow());
    assertEquals("x${Z}", ifArgs.get(2).get("Fn::Sub").asString().orElseThrow());
    assertEquals("s", v.get("d").get("Fn::Base64").get("Fn::Sub").asString().orElseThrow());
    assertEquals("", v.get("e").get("Fn::GetAZs").asString().orElseThrow());
    assertEquals("Arn", v.get("f").get("Fn::GetAtt").items().get(1).asString().orElseThrow());
    assertEquals(3, v.get("c").location().orElseThrow().line());
    assertEquals(1, v.get("c").location().orElseThrow().column(), "an intrinsic sits at its key");
  }

  @Test
  void entriesAreLocatedAtTheirKeyAndItemsAtTheirStart() {
    Value v = root("top:\n  list:\n    - first\n    - key: value\n      other: 2\n");
    Value list = v.get("top").get("list");
    assertEquals("2:3", list.location().orElseThrow().line() + ":" + list.location().orElseThrow().column());
    Value second = list.items().get(1);
    assertEquals("4:7", second.location().orElseThrow().line() + ":" + second.location().orElseThrow().column());
    Value other = second.get("other");
    assertEquals("5:7", other.location().orElseThrow().line() + ":" + other.location().orElseThrow().column());
  }

  @Test
  void columnsCountUtf16UnitsAfterAstralCharacters() {
    Value v = root("a: {n: \"😀😀\", m: 1}\n");
    assertEquals(16, v.get("a").get("m").location().orElseThrow().column());
  }

  @Test
  void multipleDocumentsSkipEmptyAndCommentOnlyOnes() {
    ParsedDocuments p = yaml("# header\na: 1\n---\n---\n# nothing\n---\nb: 2\n...\n---\n- x\n");
    assertEquals(3, p.documents().size());
    assertEquals(2, p.documents().get(0).start().line());
    assertEquals(7, p.documents().get(1).start().line());
    assertEquals(10, p.documents().get(2).start().line());
  }

  @Test
  void duplicateKeysKeepTheLastValueAndAreNoted() {
    ParsedDocuments p = yaml("a: 1\nb: 2\na: 3\n");
    assertEquals(3, p.documents().get(0).root().get("a").asLong().orElseThrow());
    assertEquals(1, p.notes().size());
    assertEquals(NoteKind.DUPLICATE_KEY, p.notes().get(0).kind());
    assertEquals(3, p.notes().get(0).at().line());
  }

  @Test
  void numbersKeepTheirLexemeWhenTheValueWouldLoseIt() {
    Value v = root("a: 5.10\nb: 3\nc: 0x1F\nd: 010\ne: .nan\nf: -.inf\ng: 1e3\nh: 2.5\ni: 12:30\n");
    assertEquals("5.10", v.get("a").asString().orElseThrow());
    assertEquals(3, v.get("b").asLong().orElseThrow());
    assertEquals(31, v.get("c").asLong().orElseThrow());
    assertEquals(8, v.get("d").asLong().orElseThrow(), "YAML 1.1 octal");
    assertEquals(".nan", v.get("e").asString().orElseThrow());
    assertEquals("-.inf", v.get("f").asString().orElseThrow());
    assertEquals(1000, v.get("g").asLong().orElseThrow());
    assertEquals("2.5", v.get("h").asString().orElseThrow());
    assertEquals("12:30", v.get("i").asString().orElseThrow());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void hugeExponentsStayText() {
    Value v = root("a: 1e999999999\nb: 1.5e-999999999\n");
    assertEquals("1e999999999", v.get("a").asString().orElseThrow());
    assertEquals("1.5e-999999999", v.get("b").asString().orElseThrow());
    ParsedDocuments j = new JsonTreeBuilder("t.json", "{\"a\": 1e999999999}", LIMITS).read();
    assertEquals("1e999999999", j.documents().get(0).root().get("a").asString().orElseThrow());
  }

  @Test
  void syntaxErrorsAreLocatedOneLineDiagnostics() {
    ParsedDocuments p = yaml("a: 1\nb: [1, 2\nc: 3\n");
    Diagnostic d = p.error().orElseThrow();
    assertEquals(Diagnostic.Level.ERROR, d.level());
    assertTrue(d.location().line() >= 2, d.toString());
    assertTrue(!d.message().contains("\n"), d.message());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aliasBombStopsAtTheExpansionBound() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
    }
    ParsedDocuments p = yaml(bomb.toString());
    assertTrue(p.error().orElseThrow().message().contains("alias bomb"), p.error().toString());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void deepNestingStopsWithADiagnostic() {
    String flow = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    assertTrue(yaml(flow).error().orElseThrow().message().contains("nesting deeper than 500"));
    String json = "{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    ParsedDocuments j = new JsonTreeBuilder("t.json", json, LIMITS).read();
    assertTrue(j.error().orElseThrow().message().contains("nesting depth"), j.error().toString());
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      block.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    assertTrue(yaml(block.toString()).error().isPresent());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void hostileFilesGiveDiagnosticsAndTheScanGoesOn(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("binary.yaml"), new byte[] {'a', ':', ' ', 0, 1, 2, (byte) 0xFF});
    Files.write(dir.resolve("latin1.yaml"), "apiVersion: v1\nkind: ConfigMap\nnote: caf\u00e9\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    Files.write(dir.resolve("empty.yaml"), new byte[0]);
    Files.writeString(dir.resolve("control.yaml"), "apiVersion: v1\nkind: Pod\nx: \u0007\n");
    byte[] utf16 = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    Files.write(dir.resolve("utf16.yaml"), withBom);
    Files.writeString(dir.resolve("bom.yaml"), "\uFEFFapiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
    Files.writeString(dir.resolve("ok.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n");
    List<SourceFile> files;
    try (var stream = Files.list(dir)) {
      files = stream.sorted().map(f -> new SourceFile(f, f.getFileName().toString(), dir)).toList();
    }
    Model m = new DocumentParser(ScanOptions.defaults()).parse(files);
    assertEquals(List.of("Secret/default/s", "Service/default/ok", "ConfigMap/default/wide"),
        m.resources().stream().map(r -> r.address()).toList());
    assertEquals(1, m.resources().get(0).range().column(), "the BOM is not a column");
    String diags = Fixtures.diagnostics(m);
    assertTrue(diags.contains("ERROR binary.yaml:1:1 binary content"), diags);
    assertTrue(diags.contains("ERROR latin1.yaml:3:1 not valid UTF-8"), diags);
    assertTrue(diags.contains("ERROR control.yaml:3:4 not a text file"), diags);
    assertTrue(diags.contains("WARNING utf16.yaml:1:1 file is UTF-16 encoded"), diags);
    assertTrue(!diags.contains("empty.yaml"), diags);
  }

  @Test
  void filesOverTheSizeCapAreSkippedWithADiagnostic(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "apiVersion: v1\nkind: ConfigMap\ndata:\n  k: " + "x".repeat(2_000) + "\n");
    ScanOptions small = new ScanOptions(Map.of(), List.of(), Map.of(), Map.of(), "default", 1_000);
    Model m = new DocumentParser(small).parse(List.of(new SourceFile(big, "big.yaml", dir)));
    assertEquals(List.of(), m.resources());
    assertTrue(Fixtures.diagnostics(m).contains("big.yaml:1:1 file is larger than 1000 bytes"));
  }

  @Test
  void largeManifestsBeyondSnakeYamlsDefaultCodePointLimitParse() {
    StringBuilder big = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n");
    int i = 0;
    while (big.length() < 4_000_000) {
      big.append("  key").append(i++).append(": ").append("v".repeat(60)).append('\n');
    }
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("big.yaml", big.toString());
    assertEquals(List.of(), m.diagnostics());
    assertEquals(1, m.resources().size());
  }
}
