package io.spofscan.parsers.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small Terraform files that multiply: each once ended the scan with OutOfMemoryError or kept it busy for minutes.
 * They must finish, with the oversized part unknown or reported, and the rest analysed.
 */
class AmplificationTest {
  private static final Duration SAFETY = Duration.ofSeconds(60);

  private static Model parse(Path root, String... files) {
    List<SourceFile> sources = java.util.Arrays.stream(files)
        .map(f -> new SourceFile(root.resolve(f), f, root)).toList();
    return assertTimeoutPreemptively(SAFETY, () -> Parsers.parse(sources, ScanOptions.defaults()));
  }

  private static Path write(Path root, String name, String text) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void moduleCountTimesResourceCountIsBounded(@TempDir Path tmp) throws IOException {
    write(tmp, "main.tf", "module \"m\" {\n  source = \"./mod\"\n  count  = 10000\n}\n");
    write(tmp, "mod/main.tf", "resource \"aws_db_instance\" \"d\" {\n  count  = 10000\n  engine = \"mysql\"\n}\n");
    Model model = parse(tmp, "main.tf", "mod/main.tf");
    assertTrue(model.resources().size() <= 200_001, "resources: " + model.resources().size());
    assertTrue(model.diagnostics().stream().anyMatch(d -> d.message().contains("not analysed")),
        model.diagnostics().toString());
  }

  @Test
  void formatWidthDoesNotAllocateAGigabyte(@TempDir Path tmp) throws IOException {
    Path regression = regressions().resolve("terraform-format-width-oom.tf");
    Files.copy(regression, tmp.resolve("main.tf"));
    Model model = parse(tmp, "main.tf");
    assertEquals(1, model.resources().size());
    assertTrue(model.resources().get(0).attr("identifier") instanceof Value.Unknown,
        model.resources().get(0).attr("identifier").toString());
  }

  @Test
  void doublingLocalsBecomeUnknown(@TempDir Path tmp) throws IOException {
    Files.copy(regressions().resolve("terraform-exponential-locals.tf"), tmp.resolve("main.tf"));
    Model model = parse(tmp, "main.tf");
    assertEquals(1, model.resources().size());
    assertTrue(model.resources().get(0).attr("identifier") instanceof Value.Unknown);
  }

  @Test
  void nestedStackFanOutIsBounded(@TempDir Path tmp) throws IOException {
    String[] names = new String[7];
    for (int level = 0; level < 7; level++) {
      StringBuilder t = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n");
      for (int k = 0; level < 6 && k < 50; k++) { // 50 nested stacks per level: 50^5 stacks if all followed
        t.append("  S").append(k).append(":\n    Type: AWS::CloudFormation::Stack\n    Properties:\n")
            .append("      TemplateURL: ./t").append(level + 1).append(".yaml\n");
      }
      t.append("  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n");
      names[level] = "t" + level + ".yaml";
      write(tmp, names[level], t.toString());
    }
    Model model = parse(tmp, names);
    // The bound is checked before each nested stack, so the last one followed may overshoot it a little.
    assertTrue(model.resources().size() <= 101_000, "resources: " + model.resources().size());
    assertTrue(model.diagnostics().stream().anyMatch(d -> d.message().contains("not followed")),
        model.diagnostics().toString());
  }

  private static Path regressions() {
    return Paths.get(System.getProperty("spofscan.testdata"), "fuzz", "regressions");
  }
}
