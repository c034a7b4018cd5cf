package io.spofscan.cli.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.cli.WorkspaceScan;
import io.spofscan.core.model.Model;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.core.suppress.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edit by edit, the workspace parses only what changed and walks the folder only when files may have come or gone. */
class WorkspaceTest {
  @TempDir
  Path repo;

  /** The real pipeline, counting how often the folder is walked again. */
  static final class CountingPipeline implements ScanPipeline {
    final ScanPipeline real;
    int walks;

    CountingPipeline(ScanPipeline real) {
      this.real = real;
    }

    @Override
    public Path root() {
      return real.root();
    }

    @Override
    public List<SourceFile> files() {
      return real.files();
    }

    @Override
    public void refresh() {
      walks++;
      real.refresh();
    }

    @Override
    public ScanOptions options() {
      return real.options();
    }

    @Override
    public int threads() {
      return real.threads();
    }

    @Override
    public List<RuleMeta> rules() {
      return real.rules();
    }

    @Override
    public ScanReport analyze(Model model, Function<SourceFile, List<Suppression>> comments) {
      return real.analyze(model, comments);
    }
  }

  private static final String ROOT = """
      module "db" {
        source   = "./modules/db"
        multi_az = false
      }
      """;

  private static final String MODULE = """
      variable "multi_az" {}
      resource "aws_db_instance" "main" {
        engine            = "postgres"
        instance_class    = "db.t3.micro"
        allocated_storage = 20
        multi_az          = var.multi_az
      }
      """;

  @Test
  void editingAnOpenFileWithoutTouchingModuleCallsReparsesOneUnitAndDoesNotWalkAgain() throws IOException {
    Files.writeString(repo.resolve("main.tf"), ROOT);
    Files.createDirectories(repo.resolve("modules/db"));
    Files.writeString(repo.resolve("modules/db/main.tf"), MODULE);
    Files.writeString(repo.resolve("other.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx:1.27}]}
        """);
    CountingPipeline pipeline = new CountingPipeline(WorkspaceScan.open(repo, Map.of()));
    Workspace workspace = new Workspace(pipeline);
    assertTrue(rds(workspace.analyze()), "the module's RDS instance runs in one AZ");

    Path main = repo.resolve("main.tf");
    workspace.setText(main, ROOT); // didOpen
    workspace.analyze();
    workspace.setText(main, ROOT.replace("multi_az = false", "multi_az = true")); // didChange
    ScanReport fixed = workspace.analyze();

    assertEquals(0, pipeline.walks, "no file came or went: the folder is not walked again");
    assertEquals(1, workspace.lastParsedUnits(), "only the edited module tree is parsed again");
    assertTrue(!rds(fixed), "the edit reaches the module: multi_az = true fixes the finding");

    workspace.setText(main, ROOT.replace("./modules/db", "./modules/other")); // a module call changed
    workspace.analyze();
    assertEquals(1, pipeline.walks, "a changed module source cuts the workspace again");
  }

  private static boolean rds(ScanReport report) {
    return report.findings().stream().map(Finding::ruleId).anyMatch("SPOF-RDS-001"::equals);
  }
}
