package io.spofscan.parsers.kubernetes;

import static io.spofscan.parsers.yaml.Fixtures.addresses;
import static io.spofscan.parsers.yaml.Fixtures.diagnostics;
import static io.spofscan.parsers.yaml.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.documents.DocumentParser;
import io.spofscan.parsers.yaml.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesReaderTest {

  @Test
  void multiDocumentStreamsListsJsonAndCustomResources() {
    Model m = Fixtures.parse("kubernetes/streams");
    assertEquals(List.of("Service/shop/web", "Deployment/default/web", "ConfigMap/default/settings", "Namespace/shop",
        "Widget/tools/custom", "StorageClass/fast"), addresses(m));
    Resource deployment = resource(m, "Deployment/default/web");
    assertEquals(Format.KUBERNETES, deployment.format());
    assertEquals("apps/v1 Deployment", deployment.type());
    assertEquals("Deployment", deployment.kindName());
    assertEquals("streams/app.yaml:14:1", deployment.range().toString(), "the document's first key");
    assertEquals(1, deployment.attr("spec.replicas").asLong().orElseThrow());
    assertEquals("nginx:1.27", deployment.attr("spec.template.spec.containers.0.image").asString().orElseThrow());
    assertEquals(24, deployment.attr("spec.template.spec.containers.0.image").location().orElseThrow().line());
    assertEquals("streams/app.yaml:2:1", resource(m, "Service/shop/web").range().toString(),
        "a leading comment is not the document");
    assertEquals("streams/app.yaml:29:5", resource(m, "ConfigMap/default/settings").range().toString());
    assertEquals("example.com/v1 Widget", resource(m, "Widget/tools/custom").type());
  }

  @Test
  void jsonColumnsCountUtf16Units() {
    Resource sc = resource(Fixtures.parse("kubernetes/streams"), "StorageClass/fast");
    assertEquals("streams/storage.json:1:1", sc.range().toString());
    assertEquals(49, sc.attr("provisioner").location().orElseThrow().column(),
        "é😀x counts 4 UTF-16 units, as SARIF columns do");
  }

  @Test
  void otherYamlIsSkippedSilentlyButBrokenManifestsAreReported() {
    Model m = Fixtures.parse("kubernetes/streams");
    assertEquals(1, m.diagnostics().size(), diagnostics(m));
    Diagnostic d = m.diagnostics().get(0);
    assertEquals(Diagnostic.Level.ERROR, d.level());
    assertEquals("streams/broken.yaml:7:12", d.location().toString());
    assertTrue(d.message().startsWith("YAML syntax error"), d.message());
  }

  @Test
  void defaultNamespaceComesFromTheOptions() {
    ScanOptions options = new ScanOptions(Map.of(), List.of(), Map.of(), Map.of(), "team-a",
        ScanOptions.DEFAULT_MAX_FILE_BYTES);
    assertTrue(addresses(Fixtures.parse("kubernetes/streams", options)).contains("Deployment/team-a/web"));
  }

  @Test
  void helmChartsAndKustomizationsAreReportedWithTheRenderCommand() {
    Model charts = Fixtures.parse("kubernetes/charts");
    assertEquals(List.of(), charts.resources(), "templates are not parsed");
    assertEquals(1, charts.diagnostics().size(), "a subchart is part of its chart: " + diagnostics(charts));
    Diagnostic chart = charts.diagnostics().get(0);
    assertEquals(Diagnostic.Level.INFO, chart.level());
    assertEquals("charts/web/Chart.yaml:1:1", chart.location().toString());
    assertTrue(chart.message().contains("helm template charts/web | spofscan scan -"), chart.message());

    Model overlay = Fixtures.parse("kubernetes/overlay");
    assertEquals(List.of("Deployment/prod/api"), addresses(overlay));
    assertEquals(1, overlay.diagnostics().size(), diagnostics(overlay));
    assertEquals(Diagnostic.Level.INFO, overlay.diagnostics().get(0).level());
    assertTrue(overlay.diagnostics().get(0).message().contains("kustomize build overlay | spofscan scan -"));
  }

  @Test
  void anchorsAndMergeKeysAreExpandedAndDuplicateKeysWarn() {
    Model m = Fixtures.parse("kubernetes/anchors");
    Resource d = resource(m, "Deployment/default/anchored");
    assertEquals(4, d.attr("spec.replicas").asLong().orElseThrow(), "last duplicate wins, as kubectl does");
    assertEquals("api", d.attr("spec.selector.matchLabels.app").asString().orElseThrow());
    assertEquals(12, d.attr("spec.selector.matchLabels").location().orElseThrow().line(), "alias used at its key");
    assertEquals("api", d.attr("spec.template.metadata.labels.app").asString().orElseThrow());
    assertEquals("frontend", d.attr("spec.template.metadata.labels.tier").asString().orElseThrow(),
        "explicit keys win over merged ones");
    assertEquals(1, m.diagnostics().size(), diagnostics(m));
    assertEquals(Diagnostic.Level.WARNING, m.diagnostics().get(0).level());
    assertEquals("anchors/merge.yaml:10:3", m.diagnostics().get(0).location().toString());
  }

  @Test
  void helmTemplateOutputOnStdinKeepsStreamLines() {
    String stream = "---\n# Source: web/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n"
        + "  name: web\n---\n# Source: web/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n"
        + "metadata:\n  name: web\n  namespace: prod\nspec:\n  replicas: 1\n";
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("-", stream);
    assertEquals(List.of("Service/default/web", "Deployment/prod/web"), addresses(m));
    assertEquals("-:9:1", resource(m, "Deployment/prod/web").range().toString());
    Value replicas = resource(m, "Deployment/prod/web").attr("spec.replicas");
    assertEquals(15, replicas.location().orElseThrow().line());
    assertEquals(List.of(), m.diagnostics());
  }

  @Test
  void clusterScopedKindsHaveNoNamespace() {
    String stream = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n"
        + "  namespace: ignored\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\n";
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("-", stream);
    assertEquals(List.of("ClusterRole/reader", "PersistentVolume/pv1"), addresses(m));
  }

  @Test
  void documentsAfterABrokenOneAreStillRead() {
    String stream = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\n"
        + "metadata:\n  name: [broken\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: c\n";
    Model m = new DocumentParser(ScanOptions.defaults()).parseText("s.yaml", stream);
    assertEquals(List.of("Service/default/a", "Deployment/default/c"), addresses(m));
    assertEquals("s.yaml:11:1", resource(m, "Deployment/default/c").range().toString());
    assertEquals(1, m.diagnostics().size(), diagnostics(m));
    assertEquals(Diagnostic.Level.ERROR, m.diagnostics().get(0).level());
  }
}
