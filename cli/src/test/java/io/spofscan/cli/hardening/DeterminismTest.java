package io.spofscan.cli.hardening;

import static io.spofscan.cli.hardening.Cli.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spofscan.cli.hardening.Cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same tree gives byte-identical JSON and SARIF whatever order its files were created in (and so whatever
 * order the file system lists them in). Both trees are built at the same absolute path, one after the other, so
 * only the order differs. The thread count does not change the output either.
 */
class DeterminismTest {
  @TempDir Path tmp;

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      files.put("tf/mod" + i + "/main.tf", "resource \"aws_db_instance\" \"db" + i + "\" {\n  engine = \"mysql\"\n"
          + "  multi_az = var.multi_az\n}\nvariable \"multi_az\" {}\n"
          + "resource \"aws_elasticache_replication_group\" \"r" + i + "\" {\n  num_cache_clusters = 1\n}\n");
      files.put("k8s/app" + i + ".yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app" + i
          + "\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: a" + i + "}\n  template:\n    metadata:\n"
          + "      labels: {app: a" + i + "}\n    spec:\n      containers: [{name: c, image: \"nginx:1\"}]\n");
      files.put("cfn/stack" + i + ".json", "{\"Resources\": {\"Db" + i + "\": {\"Type\": \"AWS::RDS::DBInstance\","
          + " \"Properties\": {\"Engine\": \"mysql\", \"MultiAZ\": {\"Ref\": \"Az\"}}}}}\n");
    }
    files.put("tf/mod0/other.tf", "resource \"aws_db_instance\" \"second\" {\n  engine = \"mysql\"\n}\n");
    files.put("broken/a.yaml", "Resources: [\n");
    files.put("broken/b.tf", "resource \"x\" \"y\" {\n");
    files.put("Z-upper.tf", "resource \"aws_db_instance\" \"upper\" {\n}\n");
    files.put("a-lower.tf", "resource \"aws_db_instance\" \"lower\" {\n}\n");
    return files;
  }

  private Map<String, String> scanAfterCreating(List<String> order, Map<String, String> content) throws IOException {
    return scanAfterCreating(order, content, List.of());
  }

  private Map<String, String> scanAfterCreating(List<String> order, Map<String, String> content, List<String> extra)
      throws IOException {
    Path root = tmp.resolve("repo");
    if (Files.exists(root)) {
      try (Stream<Path> all = Files.walk(root)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (String name : order) {
      Trees.write(root, name, content.get(name));
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String format : List.of("json", "sarif")) {
      List<String> args = new ArrayList<>(List.of("scan", root.toString(), "--format", format));
      args.addAll(extra);
      Run run = Cli.run(List.of(), args, tmp);
      assertNoStackTrace(run);
      assertEquals(1, run.exit(), "findings are expected\n" + run);
      outputs.put(format, run.stdout());
    }
    return outputs;
  }

  @Test
  void outputDoesNotDependOnFileSystemOrder() throws IOException {
    Map<String, String> content = files();
    List<String> forward = new ArrayList<>(content.keySet());
    List<String> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    List<String> shuffled = new ArrayList<>(forward);
    Collections.shuffle(shuffled, new java.util.Random(3));
    Map<String, String> first = scanAfterCreating(forward, content);
    assertEquals(first, scanAfterCreating(backward, content), "reverse creation order changed the output");
    assertEquals(first, scanAfterCreating(shuffled, content), "shuffled creation order changed the output");
  }

  @Test
  void outputDoesNotDependOnTheThreadCount() throws IOException {
    Map<String, String> content = files();
    List<String> order = new ArrayList<>(content.keySet());
    Map<String, String> serial = scanAfterCreating(order, content, List.of("--threads", "1"));
    assertEquals(serial, scanAfterCreating(order, content, List.of("--threads", "4")), "4 threads changed the output");
  }
}
