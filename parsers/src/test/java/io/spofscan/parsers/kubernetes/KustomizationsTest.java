package io.spofscan.parsers.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.ValueOrigin;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.parsers.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kustomizations of a scan do to the model of the manifests beside them. */
class KustomizationsTest {
  private static final Path KUSTOMIZE = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .resolve("kubernetes/kustomize");

  private static Model scan(Path dir) throws IOException {
    return Parsers.parse(new FileWalker(dir).walk(List.of(dir)).files(), ScanOptions.defaults());
  }

  private static List<String> addresses(Model m) {
    return m.resources().stream().map(r -> r.path() + " " + r.address()).sorted().toList();
  }

  @Test
  void patchFilesAndPatchDirectivesAreNotObjects() throws IOException {
    Model m = scan(KUSTOMIZE.resolve("patches"));
    assertEquals(List.of("app.yaml Deployment/default/app", "app.yaml PodDisruptionBudget/default/app"),
        addresses(m));
    assertEquals(4, m.patchDocuments(), "add-port, pdb-patch, remove-debug and the stray $patch: delete");
    assertTrue(m.diagnostics().stream().anyMatch(d -> d.location().path().equals("add-port.yaml")
        && d.message().startsWith("kustomize patch (listed in kustomization.yaml:7)")), m.diagnostics().toString());
    assertTrue(m.diagnostics().stream().anyMatch(d -> d.location().path().equals("stray-delete.yaml")
        && d.message().contains("$patch: delete")), m.diagnostics().toString());
  }

  @Test
  void theKustomizationNamespaceNamesTheObject() throws IOException {
    assertEquals(List.of("db.yaml StatefulSet/payments/postgres"), addresses(scan(KUSTOMIZE.resolve("namespace"))));
  }

  @Test
  void aBaseOfOneOverlayTakesTheOverlaysNamespacePrefixAndReplicas() throws IOException {
    Model m = scan(KUSTOMIZE.resolve("overlay"));
    assertEquals(List.of("base/web.yaml Deployment/prod/prod-web"), addresses(m));
    Resource web = m.resources().get(0);
    assertEquals(1L, web.attr("spec.replicas").asLong().orElseThrow());
    assertEquals("web", web.attr("metadata.name").asString().orElseThrow(), "references keep the written names");
    ValueOrigin origin = web.originOf(web.attr("spec.replicas").location().orElseThrow()).orElseThrow();
    assertEquals("overlays/prod/kustomization.yaml:7:5", origin.decidedAt().toString());
    assertEquals("base/web.yaml:7:3", origin.attribute().toString());
  }

  @Test
  void aBaseOfSeveralOverlaysIsJudgedAsWritten() throws IOException {
    Model m = scan(KUSTOMIZE.resolve("shared-base"));
    assertEquals(List.of("base/worker.yaml Deployment/default/worker"), addresses(m));
    assertEquals(1L, m.resources().get(0).attr("spec.replicas").asLong().orElseThrow());
  }

  @Test
  void commonLabelsReachSelectorsAndTemplatesAndABareKustomizationFileIsRead(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Kustomization"), """
        commonLabels:
          team: payments
        labels:
          - pairs: {tier: backend}
        resources: [web.yaml]
        """);
    Files.writeString(dir.resolve("web.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: web:1}]}
        """);
    Resource web = scan(dir).resources().get(0);
    assertEquals("payments", web.attr("spec.selector.matchLabels.team").asString().orElseThrow());
    assertEquals("payments", web.attr("spec.template.metadata.labels.team").asString().orElseThrow());
    assertEquals("backend", web.attr("metadata.labels.tier").asString().orElseThrow());
    assertTrue(web.attr("spec.selector.matchLabels.tier").isAbsent(), "labels: without includeSelectors");
    assertTrue(web.attr("spec.template.metadata.labels.tier").isAbsent());
  }
}
