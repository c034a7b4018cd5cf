package io.spofscan.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spofscan.core.model.Context;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextClassifierTest {

  @ParameterizedTest
  @CsvSource({
      "deploy/k8s/web.yaml, PRODUCTION",
      "modules/rds/main.tf, PRODUCTION",
      "web.yaml, PRODUCTION",
      "test/fixtures/templates/good/rds.yaml, TEST",
      "pkg/health/testdata/hpa.yaml, TEST",
      "tests/e2e/kind/kind.yaml, TEST",
      "integration/resources/templates/api.yaml, TEST",
      "spec/fixtures/db.tf, TEST",
      "src/__tests__/stack.json, TEST",
      "charts/app/golden/out.yaml, TEST",
      "infra/unit-test-fixture/db.tf, TEST",
      "e2e-tests/cluster.yaml, TEST",
      "modules/db/main_test.tf, TEST",
      "render/app.golden.yaml, TEST",
      "examples/test/main.tf, TEST",
      "examples/complete/main.tf, EXAMPLE",
      "samples/web.yaml, EXAMPLE",
      "docs/examples/auth/proxy.yaml, EXAMPLE",
      "doc/setup.yaml, EXAMPLE",
      "tutorials/redis/redis.yaml, EXAMPLE",
      "labs/lab1/stack.yaml, EXAMPLE",
      "quickstart/cluster.yaml, EXAMPLE",
      "playground/app.yaml, EXAMPLE",
      "_archived/volumes/nfs/pv.yaml, EXAMPLE",
      "example-app/deploy.yaml, EXAMPLE",
      "ECS/ECS_Schedule_Example.yaml, EXAMPLE",
      "example.tf, EXAMPLE",
      "latest/web.yaml, PRODUCTION",
      "contest/web.yaml, PRODUCTION",
      "specs/web.yaml, PRODUCTION",
      "docsite/web.yaml, PRODUCTION",
  })
  void conventionsReadFolderAndFileNames(String path, Context expected) {
    assertEquals(expected, ContextClassifier.byConvention(path), path);
  }

  @Test
  void userGlobsWinOverConventionsAndProductionWinsOverAll() {
    ContextClassifier c = new ContextClassifier(List.of("deploy/demo"), List.of("qa/**"), List.of("blueprints"));
    assertEquals(Context.PRODUCTION, c.classify("deploy/demo/web.yaml", Path.of("deploy/demo/web.yaml")));
    assertEquals(Context.TEST, c.classify("qa/a/web.yaml", Path.of("qa/a/web.yaml")));
    assertEquals(Context.EXAMPLE, c.classify("blueprints/web.yaml", Path.of("blueprints/web.yaml")));
    assertEquals(Context.TEST, c.classify("test/web.yaml", Path.of("test/web.yaml")));
  }
}
