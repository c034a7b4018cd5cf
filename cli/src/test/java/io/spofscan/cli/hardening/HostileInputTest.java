package io.spofscan.cli.hardening;

import static io.spofscan.cli.hardening.Cli.assertCompletedNormally;
import static io.spofscan.cli.hardening.Cli.assertDiagnostic;
import static io.spofscan.cli.hardening.Cli.assertFinding;
import static io.spofscan.cli.hardening.Cli.diagnosticsFor;
import static io.spofscan.cli.hardening.Cli.findings;
import static io.spofscan.cli.hardening.Cli.line;
import static io.spofscan.cli.hardening.Trees.NEIGHBOUR;
import static io.spofscan.cli.hardening.Trees.NEIGHBOUR_RULE;
import static io.spofscan.cli.hardening.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spofscan.cli.hardening.Cli.Run;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs through the real command line: each must end in a normal exit (0/1), a diagnostic naming the
 * file where one is due, no stack trace, and the good neighbour's finding still reported.
 */
class HostileInputTest {
  @TempDir Path tmp;

  private Path root() throws IOException {
    return Trees.withNeighbour(tmp);
  }

  /** One scan through the CLI that ended normally: its JSON report and the run (for failure messages). */
  private record Scan(JsonNode report, Run run) {
    /** Each hostile file is named by a diagnostic. */
    void diagnoses(String... paths) {
      for (String path : paths) {
        assertDiagnostic(report, path, run);
      }
    }

    /** The good files beside the hostile ones still get their findings. */
    void neighboursSurvived() {
      assertFinding(report, "SPOF-RDS-001", Trees.CFN_NEIGHBOUR, run);
      assertFinding(report, NEIGHBOUR_RULE, NEIGHBOUR, run);
    }
  }

  private static Scan scan(Path root) {
    Run run = Cli.scanJson(root);
    return new Scan(assertCompletedNormally(run), run);
  }

  @Test
  void yamlAliasBombIsNotExpanded() throws IOException {
    Path root = root();
    StringBuilder y = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\n");
    y.append("Metadata:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      y.append("  ").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(p);
      }
      y.append("]\n");
    }
    y.append("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Tags: *j\n");
    write(root, "bad/bomb.yaml", y.toString());
    Scan scan = scan(root);
    // CloudFormation forbids aliases: the file is reported, never expanded to 9^10 nodes.
    scan.diagnoses("bad/bomb.yaml");
    scan.neighboursSurvived();
  }

  @Test
  void nestingTenThousandDeepInYamlJsonAndHcl() throws IOException {
    Path root = root();
    int depth = 10_000;
    write(root, "bad/deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: "
        + "[".repeat(depth) + "]".repeat(depth) + "\n");
    write(root, "bad/deep.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"A\": "
        + "{\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"X\": " + "[".repeat(depth) + "]".repeat(depth) + "}}}}\n");
    write(root, "deep-hcl/main.tf", "locals {\n  x = " + "[".repeat(depth) + "]".repeat(depth) + "\n}\n");
    write(root, "deep-blocks/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n" + "a {\n".repeat(depth)
        + "}\n".repeat(depth) + "}\n");
    Scan scan = scan(root);
    scan.diagnoses("bad/deep.yaml", "bad/deep.json", "deep-hcl/main.tf", "deep-blocks/main.tf");
    scan.neighboursSurvived();
  }

  @Test
  void hcl4jHazardsRegexBombAndThreeThousandBrackets() throws IOException {
    Path root = root();
    write(root, "redos/main.tf", "locals {\n  r = regexall(\"(.*a){15}b\", \"" + "a".repeat(40) + "\")\n}\n"
        + "resource \"aws_db_instance\" \"redos\" {\n  engine = \"mysql\"\n}\n");
    write(root, "brackets/main.tf", "locals {\n  x = " + "[".repeat(3_000) + "]".repeat(3_000) + "\n}\n");
    Scan scan = scan(root);
    JsonNode report = scan.report();
    // The regex is never evaluated, so the resource beside it is still analysed.
    assertFinding(report, NEIGHBOUR_RULE, "redos/main.tf", scan.run());
    scan.diagnoses("brackets/main.tf");
    scan.neighboursSurvived();
  }

  @Test
  void largeTerraformFileForTheQuadraticLexerEndsInTime() throws IOException {
    Path root = root();
    Path big = root.resolve("big/main.tf");
    Files.createDirectories(big.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      for (int i = 0; w != null && i < 40_000; i++) { // about 3 MB of valid Terraform
        w.write("resource \"aws_s3_bucket\" \"b" + i + "\" {\n  bucket = \"bucket-" + i + "\"\n  tags = { n = \"" + i
            + "\" }\n}\n");
      }
    }
    Scan scan = scan(root);
    scan.neighboursSurvived();
  }

  @Test
  void fiftyMegabyteManifestIsSkippedWithADiagnostic() throws IOException {
    Path root = root();
    Path big = root.resolve("k8s/huge.yaml");
    Files.createDirectories(big.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n");
      long written = 0;
      for (int i = 0; written < 50L * 1024 * 1024; i++) {
        String line = "  key" + i + ": \"" + "v".repeat(100) + "\"\n";
        w.write(line);
        written += line.length();
      }
    }
    Scan scan = scan(root);
    JsonNode report = scan.report();
    JsonNode d = assertDiagnostic(report, "k8s/huge.yaml", scan.run());
    assertTrue(d.path("message").asText().contains("max-file-size"),
        "the diagnostic should name the flag that raises the limit: " + d);
    scan.neighboursSurvived();
  }

  @Test
  void tenMegabyteSingleLineStrings() throws IOException {
    Path root = root();
    String tenMb = "x".repeat(10 * 1024 * 1024);
    write(root, "k8s/long.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata:\n  big: \""
        + tenMb + "\"\n");
    write(root, "long/main.tf", "locals {\n  s = \"" + tenMb + "\"\n}\nresource \"aws_db_instance\" \"x\" {\n"
        + "  engine = \"mysql\"\n}\n");
    Scan scan = scan(root);
    JsonNode report = scan.report();
    // Each file is either analysed or reported; it never vanishes silently.
    assertAnalysedOrReported(report, "long/main.tf", scan.run());
    scan.neighboursSurvived();
  }

  @Test
  void invalidUtf8IsReportedWithItsLine() throws IOException {
    Path root = root();
    byte[] yaml = ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: 1\n"
        + "  selector:\n    matchLabels: {app: x}\n  template:\n    metadata:\n      labels: {app: x}\n"
        + "    spec:\n      containers: [{name: x, image: \"ab\u0000\"}]\n").getBytes(StandardCharsets.UTF_8);
    yaml[yaml.length - 5] = (byte) 0xc3; // "ab" then a lead byte whose continuation is missing
    write(root, "enc/bad-utf8.yaml", yaml);
    byte[] tf = "resource \"aws_db_instance\" \"b\" {\n  engine = \"a\u0000\"\n}\n".getBytes(StandardCharsets.UTF_8);
    tf[tf.length - 5] = (byte) 0xff; // a byte that never occurs in UTF-8
    write(root, "enc/main.tf", tf);
    Scan scan = scan(root);
    JsonNode report = scan.report();
    assertAnalysedOrReported(report, "enc/bad-utf8.yaml", scan.run());
    assertAnalysedOrReported(report, "enc/main.tf", scan.run());
    scan.neighboursSurvived();
  }

  @Test
  void utf16WithBomIsReadOrReported() throws IOException {
    Path root = root();
    String deployment = "\uFEFFapiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n"
        + "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
        + "    spec:\n      containers:\n        - name: web\n          image: nginx:1.25\n";
    write(root, "enc/utf16le.yaml", deployment, StandardCharsets.UTF_16LE);
    write(root, "enc/utf16be.yaml", deployment, StandardCharsets.UTF_16BE);
    Scan scan = scan(root);
    JsonNode report = scan.report();
    assertAnalysedOrReported(report, "enc/utf16le.yaml", scan.run());
    assertAnalysedOrReported(report, "enc/utf16be.yaml", scan.run());
    scan.neighboursSurvived();
  }

  @Test
  void binaryFilesWithIacExtensionsAreReported() throws IOException {
    Path root = root();
    Random random = new Random(7);
    for (String name : new String[] {"bin/blob.tf", "bin/blob.yaml", "bin/blob.json", "bin/blob.tf.json"}) {
      byte[] bytes = new byte[64 * 1024];
      random.nextBytes(bytes);
      write(root, name, bytes);
    }
    Scan scan = scan(root);
    scan.diagnoses("bin/blob.tf", "bin/blob.yaml", "bin/blob.json", "bin/blob.tf.json");
    scan.neighboursSurvived();
  }

  @Test
  void emptyFilesAreNotErrors() throws IOException {
    Path root = root();
    for (String name : new String[] {"empty/main.tf", "empty/a.yaml", "empty/b.yml", "empty/c.json",
        "empty/main.tf.json", "good/empty.tf"}) {
      write(root, name, new byte[0]);
    }
    Scan scan = scan(root);
    JsonNode report = scan.report();
    for (String name : new String[] {"empty/main.tf", "empty/a.yaml", "empty/b.yml", "good/empty.tf"}) {
      assertTrue(diagnosticsFor(report, name).stream().noneMatch(d -> d.path("level").asText().equals("error")),
          "an empty file is not an error: " + name + "\n" + scan.run());
    }
    scan.neighboursSurvived();
  }

  @Test
  void unreadableFileIsReported() throws IOException {
    Path root = root();
    Path locked = write(root, "locked/main.tf", "resource \"aws_db_instance\" \"x\" {\n}\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked), "running as root: chmod 000 does not stop reads");
      Scan scan = scan(root);
      scan.diagnoses("locked/main.tf");
      scan.neighboursSurvived();
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void symlinkLoopsEndAndAreReported() throws IOException {
    Path root = root();
    Path loops = Files.createDirectories(root.resolve("loops"));
    Files.createSymbolicLink(loops.resolve("self"), Path.of("."));
    Files.createSymbolicLink(loops.resolve("up"), Path.of(".."));
    Files.createSymbolicLink(loops.resolve("a.yaml"), Path.of("b.yaml"));
    Files.createSymbolicLink(loops.resolve("b.yaml"), Path.of("a.yaml"));
    Scan scan = scan(root);
    JsonNode report = scan.report();
    scan.diagnoses("loops/a.yaml");
    assertEquals(1, findings(report).stream().filter(f -> f.path("location").path("path").asText().equals(NEIGHBOUR))
        .count(), "the neighbour is scanned once, not again through a loop\n" + scan.run());
    scan.neighboursSurvived();
  }

  @Test
  void symlinksOutOfTheRootAreNotFollowedAndAreReported() throws IOException {
    Path root = root();
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path secret = write(outside, "secret.tf", "resource \"aws_db_instance\" \"secret\" {\n  engine = \"mysql\"\n}\n");
    Files.createSymbolicLink(root.resolve("linked.tf"), secret);
    Files.createSymbolicLink(root.resolve("linked-rel.tf"), Path.of("../outside/secret.tf"));
    Scan scan = scan(root);
    JsonNode report = scan.report();
    scan.diagnoses("linked.tf");
    scan.diagnoses("linked-rel.tf");
    assertTrue(findings(report).stream().noneMatch(f -> f.path("resource").asText().contains("secret")),
        "a resource outside the root was analysed\n" + scan.run());
    scan.neighboursSurvived();
  }

  @Test
  void fifoIsSkippedNotOpened() throws Exception {
    Path root = root();
    Path fifo = root.resolve("k8s/pipe.yaml");
    Files.createDirectories(fifo.getParent());
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available: " + e.getMessage());
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
    Scan scan = scan(root); // opening the FIFO would block until the safety timeout
    scan.diagnoses("k8s/pipe.yaml");
    scan.neighboursSurvived();
  }

  @Test
  void duplicateKeysAreReportedAtTheDuplicate() throws IOException {
    Path root = root();
    write(root, "dup/cfn.yaml", """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              MultiAZ: true
          Db:
            Type: AWS::S3::Bucket
        """);
    write(root, "dup/cfn.json", """
        {"AWSTemplateFormatVersion": "2010-09-09",
         "Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MultiAZ": true}},
          "Db": {"Type": "AWS::S3::Bucket"}}}
        """);
    write(root, "dup/k8s.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          replicas: 1
        """);
    write(root, "duptf/main.tf", """
        resource "aws_db_instance" "x" {
          multi_az = true
          multi_az = false
        }
        """);
    Scan scan = scan(root);
    JsonNode report = scan.report();
    Cli.assertLine(assertDiagnostic(report, "dup/cfn.yaml", scan.run()), 7, scan.run());
    Cli.assertLine(assertDiagnostic(report, "dup/cfn.json", scan.run()), 3, scan.run());
    Cli.assertLine(assertDiagnostic(report, "dup/k8s.yaml", scan.run()), 7, scan.run());
    Cli.assertLine(assertDiagnostic(report, "duptf/main.tf", scan.run()), 3, scan.run());
    scan.neighboursSurvived();
  }

  @Test
  void unterminatedHclConstructsAtEof() throws IOException {
    Path root = root();
    write(root, "heredoc/main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOT\n{}\n");
    write(root, "string/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"never closed\n}\n");
    write(root, "block/main.tf", "resource \"aws_db_instance\" \"x\" {\n  engine = \"mysql\"\n");
    Scan scan = scan(root);
    JsonNode report = scan.report();
    for (String path : new String[] {"heredoc/main.tf", "string/main.tf", "block/main.tf"}) {
      JsonNode d = assertDiagnostic(report, path, x -> x.path("level").asText().equals("error"), "error", scan.run());
      assertTrue(line(d) >= 1 && line(d) <= 4, "line within the file: " + d);
    }
    scan.neighboursSurvived();
  }

  /** The file produced a finding or a diagnostic: it never vanishes silently. */
  private static void assertAnalysedOrReported(JsonNode report, String path, Run run) {
    boolean analysed = findings(report).stream().anyMatch(f -> f.path("location").path("path").asText().equals(path));
    boolean reported = !diagnosticsFor(report, path).isEmpty();
    assertTrue(analysed || reported, path + " was neither analysed nor reported\n" + run);
  }
}
