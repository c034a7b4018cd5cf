package io.spofscan.parsers.terraform;

import static io.spofscan.parsers.terraform.TfTesting.resource;
import static io.spofscan.parsers.terraform.TfTesting.snippet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile files: each ends quickly with a located diagnostic, and never stops the other files. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {
  @TempDir
  Path tmp;

  private static Diagnostic onlyError(Model m) {
    List<Diagnostic> errors = m.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
    assertEquals(1, errors.size(), () -> "diagnostics: " + m.diagnostics());
    return errors.get(0);
  }

  @Test
  void deepNestingOfBracketsGivesADiagnostic() {
    String deep = "locals {\n  x = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n}\n"
        + "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n";
    Model m = snippet(tmp, deep);
    assertTrue(m.diagnostics().stream().anyMatch(d -> d.location().line() == 2), () -> "" + m.diagnostics());
  }

  @Test
  @Timeout(60)
  void tosetOfAHugeListDeduplicatesInLinearTime() {
    // 60,000 distinct items took ~20 s with a pairwise comparison; a hash of scalars is immediate.
    String src = "locals {\n  big = flatten([for a in range(300) : [for b in range(200) : a * 200 + b]])\n"
        + "  n = length(toset(concat(local.big, [\"x\", \"x\", 1.0]))) == 60001 ? 2 : 0\n}\n"
        + "resource \"aws_instance\" \"x\" {\n  count = local.n\n}\n";
    Model m = snippet(tmp, src);
    assertEquals(2, m.resources().size(), () -> m.resources() + " " + m.diagnostics());
  }

  @Test
  @Timeout(60)
  void nestedForExpressionsStopAtTheIterationBudget() {
    // 400³ = 64 million values took over a minute; the budget makes the value unknown, naming why.
    String src = "locals {\n  l = range(400)\n  cube = [for a in local.l : [for b in local.l : [for c in local.l : a]]]\n"
        + "}\nresource \"aws_instance\" \"x\" {\n  ami = local.cube\n  tags = { a = [for a in local.l : a][3] }\n}\n";
    Resource r = resource(snippet(tmp, src), "aws_instance.x");
    assertTrue(r.attr("ami").unknownReason().orElse("").contains("iterations"), r.attr("ami").describe());
    assertEquals(3L, r.attr("tags.a").asLong().orElseThrow(), "a small loop after the big one still evaluates");
  }

  @Test
  void deepNestingOfBlocksGivesAnError() {
    String deep = "resource \"a\" \"b\" {\n" + "x {\n".repeat(10_000) + "}\n".repeat(10_001);
    Diagnostic d = onlyError(snippet(tmp, deep));
    assertTrue(d.message().contains("nested deeper"), d.message());
    assertEquals(257, d.location().line());
  }

  @Test
  void unterminatedHeredocStringAndBlockAreErrorsAtTheirStart() {
    assertEquals(SourceRange.at("main.tf", 2, 10),
        onlyError(snippet(tmp, "locals {\n  text = <<EOT\n  never closed\n}\n")).location());
    assertEquals(SourceRange.at("main.tf", 2, 7),
        onlyError(snippet(tmp, "locals {\n  s = \"open\n}\n")).location());
    Diagnostic block = onlyError(snippet(tmp, "resource \"a\" \"b\" {\n  x = 1\n"));
    assertEquals(SourceRange.at("main.tf", 1, 18), block.location());
    assertTrue(block.message().contains("never closed"), block.message());
  }

  @Test
  void garbageBeforeABlockIsAnError() {
    Diagnostic d = onlyError(snippet(tmp, "%% !!!\nresource \"a\" \"b\" { x = 1 }\n"));
    assertEquals(SourceRange.at("main.tf", 1, 1), d.location());
  }

  @Test
  void regexallIsNotEvaluatedAndFinishesAtOnce() {
    Model m = snippet(tmp, "resource \"a\" \"b\" {\n  r = regexall(\n    \"(.*a){15}b\",\n"
        + "    \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")\n}\n");
    assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());
    assertEquals("unknown (function regexall() is not evaluated)", resource(m, "a.b").attr("r").describe());
  }

  @Test
  void lineSeparatorCharactersDoNotShiftLines() {
    Model m = snippet(tmp, "# a\u2028b\u0085c\u000Bd\nresource \"aws_instance\" \"x\" {\n  ami = \"y\"\n}\n");
    assertEquals(2, resource(m, "aws_instance.x").range().line());
    assertEquals(3, resource(m, "aws_instance.x").attr("ami").location().orElseThrow().line());
  }

  @Test
  void oversizedFileIsSkippedWithAnError() throws Exception {
    Files.writeString(tmp.resolve("big.tf"), "locals {\n" + "  a = 1\n".repeat(1000) + "}\n");
    Files.writeString(tmp.resolve("ok.tf"), "resource \"aws_instance\" \"ok\" {}\n");
    ScanOptions small = new ScanOptions(Map.of(), List.of(), Map.of(), Map.of(), "default", 1000);
    Model m = new TerraformParser(small).parse(new FileWalker(tmp).walk(List.of(tmp)).files());
    assertTrue(onlyError(m).message().contains("larger than 1000 bytes"));
    resource(m, "aws_instance.ok");
  }

  @Test
  void aFileOverTheDeadlineIsReportedAndOthersGoOn() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      big.append("resource \"aws_instance\" \"r").append(i).append("\" {\n  ami = \"a\"\n  count = 1\n}\n");
    }
    Files.writeString(tmp.resolve("big.tf"), big);
    Files.writeString(tmp.resolve("sub.tf"), "resource \"aws_instance\" \"ok\" {}\n");
    Model m = new TerraformParser(ScanOptions.defaults(), 1).parse(new FileWalker(tmp).walk(List.of(tmp)).files());
    assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().contains("took longer")), "" + m.diagnostics());
  }

  @Test
  void invalidUtf8IsAnError() throws Exception {
    Files.write(tmp.resolve("main.tf"), new byte[] {(byte) 0xff, (byte) 0xfe, 'r', 0, 'e', 0});
    Model m = new TerraformParser(ScanOptions.defaults()).parse(new FileWalker(tmp).walk(List.of(tmp)).files());
    assertTrue(onlyError(m).message().contains("UTF-8"));
  }

  @Test
  void anUnreadableExpressionIsAnErrorAndItsValueUnknown() {
    Model m = snippet(tmp, "resource \"aws_instance\" \"x\" {\n  ami = 1 +* 2\n}\n");
    assertEquals(SourceRange.at("main.tf", 2, 12), onlyError(m).location());
    assertTrue(resource(m, "aws_instance.x").attr("ami").describe().startsWith("unknown"));
  }

  @Test
  void aLexerErrorInALaterBlockKeepsItsFileLine() {
    Model m = snippet(tmp, "resource \"a\" \"one\" {\n  x = 1\n}\n\nresource \"a\" \"two\" {\n"
        + "  l = [1 @ 2]\n}\n");
    Diagnostic d = onlyError(m);
    assertEquals(SourceRange.at("main.tf", 6, 10), d.location(), d.toString());
  }

  @Test
  void multiplyingCountsThroughModulesIsCapped() throws Exception {
    Path child = Files.createDirectories(tmp.resolve("m"));
    Files.writeString(child.resolve("main.tf"), "resource \"aws_instance\" \"i\" {\n  count = 10000\n}\n");
    Files.writeString(tmp.resolve("main.tf"), "module \"m\" {\n  source = \"./m\"\n  count  = 10000\n}\n");
    Model m = new TerraformParser(ScanOptions.defaults()).parse(new FileWalker(tmp).walk(List.of(tmp)).files());
    assertEquals(TerraformParser.MAX_RESOURCES, m.resources().size());
    assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().contains("not analysed")));
  }
}
