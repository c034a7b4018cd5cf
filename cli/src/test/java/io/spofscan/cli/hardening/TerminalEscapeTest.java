package io.spofscan.cli.hardening;

import static io.spofscan.cli.hardening.Cli.assertNoStackTrace;
import static io.spofscan.cli.hardening.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.cli.hardening.Cli.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Untrusted text (file names, values from files) never reaches a terminal raw: control characters come out escaped. */
class TerminalEscapeTest {
  @TempDir Path tmp;

  @Test
  void fileNamesAndValuesWithEscapeSequencesAreEscapedInTextOutput() throws IOException {
    Path root = tmp.resolve("repo");
    // A file name that would clear the screen, and a resource name that would retitle the terminal.
    write(root, "evil\u001b[2J\u0007.tf", "resource \"aws_db_instance\" \"x\" {\n  engine = \"mysql\"\n}\n");
    write(root, "k8s/app.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: "web\\e]0;owned\\a\\e[31m\\r\\x9b"
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - {name: web, image: "nginx:1.25"}
        """);
    write(root, "broken\u001b[31m.yaml", "a: [\n");
    Run run = Cli.run(List.of(), List.of("scan", root.toString(), "--format", "text"), root);
    assertEquals(1, run.exit(), "findings are expected\n" + run);
    assertNoStackTrace(run);
    for (String stream : List.of(run.stdout(), run.stderr())) {
      stream.codePoints().forEach(cp -> assertTrue(cp == '\n' || cp == '\t' || cp >= 0x20 && cp != 0x7f
          && (cp < 0x80 || cp >= 0xa0), "raw control character U+" + Integer.toHexString(cp) + " in output\n" + run));
    }
    assertTrue(run.stdout().contains("evil\\u001b[2J\\u0007.tf"), "escaped file name expected\n" + run);
    assertTrue(run.stdout().contains("web\\u001b]0;owned\\u0007\\u001b[31m\\u000d\\u009b"),
        "escaped resource name expected\n" + run);
  }
}
