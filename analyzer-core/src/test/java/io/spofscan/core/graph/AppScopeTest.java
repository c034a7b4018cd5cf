package io.spofscan.core.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppScopeTest {

  @Test
  void plainManifestDirectoriesAreUnitsAndSubdirectoriesBelongToThem() {
    AppScope s = AppScope.directories();
    assertTrue(s.related("apps/a/web.yaml", "apps/a/hpa.yaml"));
    assertTrue(s.related("apps/a/web.yaml", "apps/a/hpa/hpa.yaml"));
    assertFalse(s.related("apps/a/web.yaml", "apps/b/hpa.yaml"));
  }

  @Test
  void anOverlayRelatesToItsBaseButSiblingOverlaysDoNot() {
    AppScope s = AppScope.of(Map.of(
        "app/base", List.of("deployment.yaml"),
        "app/overlays/prod", List.of("../../base", "hpa.yaml"),
        "app/overlays/dev", List.of("../../base", "pdb.yaml")), Set.of());
    assertTrue(s.related("app/base/deployment.yaml", "app/overlays/prod/hpa.yaml"));
    assertTrue(s.related("app/base/deployment.yaml", "app/overlays/dev/pdb.yaml"));
    assertFalse(s.related("app/overlays/prod/hpa.yaml", "app/overlays/dev/pdb.yaml"));
    assertFalse(s.related("app/base/deployment.yaml", "other/hpa.yaml"));
  }

  @Test
  void aChartDirectoryIsOneUnit() {
    AppScope s = AppScope.of(Map.of(), Set.of("charts/shop"));
    assertTrue(s.related("charts/shop/templates/deployment.yaml", "charts/shop/templates/hpa/hpa.yaml"));
    assertFalse(s.related("charts/shop/templates/deployment.yaml", "charts/other/templates/hpa.yaml"));
  }
}
