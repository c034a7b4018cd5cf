package io.spofscan.parsers;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.scan.OrderedParallel;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.ci.CiPipelineParser;
import io.spofscan.parsers.cloudformation.spec.CfnSpecValidator;
import io.spofscan.parsers.codeowners.CodeownersParser;
import io.spofscan.parsers.documents.DocumentParser;
import io.spofscan.parsers.kubernetes.ApplicationUnits;
import io.spofscan.parsers.kubernetes.Kustomizations;
import io.spofscan.parsers.kubernetes.TerraformKubernetesObjects;
import io.spofscan.parsers.sql.MigrationFiles;
import io.spofscan.parsers.sql.SqlMigrationParser;
import io.spofscan.parsers.terraform.TerraformParser;
import io.spofscan.parsers.terraform.TerraformPlanParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entry point of the parsers module: turns the files of a scan into one located model. Terraform files go to the
 * Terraform parser (which works per directory, a directory being a module); YAML and JSON go to the document parser,
 * which tells CloudFormation, Kubernetes and Terraform plan JSON apart by content and skips anything else.
 */
public final class Parsers {
  private Parsers() {}

  public static boolean isTerraformSource(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".tf") || lower.endsWith(".tf.json") || lower.endsWith(".tfvars")
        || lower.endsWith(".tfvars.json");
  }

  public static Model parse(List<SourceFile> files, ScanOptions options) {
    return parse(files, options, OrderedParallel.defaultThreads());
  }

  /**
   * @param threads files read at once by each parser; the model is the same for any value
   */
  public static Model parse(List<SourceFile> files, ScanOptions options, int threads) {
    List<SourceFile> terraform = new ArrayList<>();
    List<SourceFile> documents = new ArrayList<>();
    List<SourceFile> plans = new ArrayList<>();
    List<SourceFile> sql = new ArrayList<>();
    List<SourceFile> codeowners = new ArrayList<>();
    List<SourceFile> ci = new ArrayList<>();
    for (SourceFile f : files) {
      if (CodeownersParser.isCodeowners(f.displayPath())) {
        codeowners.add(f);
      } else if (CiPipelineParser.isCiDefinition(f.displayPath())) {
        ci.add(f);
      } else if (isTerraformSource(f.fileName())) {
        terraform.add(f);
      } else if (MigrationFiles.isSqlFile(f.fileName())) {
        sql.add(f);
      } else if (isTerraformPlan(f)) {
        plans.add(f);
      } else {
        documents.add(f);
      }
    }
    Model tf = TerraformKubernetesObjects.convert(new TerraformParser(options).withThreads(threads).parse(terraform),
        options.defaultNamespace());
    Model plan = plans.isEmpty() ? Model.empty() : new TerraformPlanParser(options).parse(plans, terraform);
    Model docs = documents.isEmpty() ? Model.empty()
        : Kustomizations.apply(new DocumentParser(options, threads).parse(documents), documents, options);
    Model migrations = sql.isEmpty() ? Model.empty() : new SqlMigrationParser(options).parse(sql);
    Model pipelines = ci.isEmpty() ? Model.empty() : CiPipelineParser.parse(ci, options.maxFileBytes());
    Model merged = Model.merge(List.of(withoutPlanned(tf, plan), plan, docs, migrations, pipelines));
    if (!codeowners.isEmpty()) {
      // Ownership is judged over what the other parsers found: the files that hold infrastructure code.
      Set<String> owned = new TreeSet<>();
      merged.resources().forEach(r -> owned.add(r.path()));
      List<String> all = files.stream().map(SourceFile::displayPath).toList();
      ci.forEach(f -> owned.add(f.displayPath()));
      merged = Model.merge(List.of(merged,
          CodeownersParser.parse(codeowners, owned, all, options.maxFileBytes())));
    }
    List<Diagnostic> specWarnings = CfnSpecValidator.validate(merged);
    Model all = specWarnings.isEmpty() ? merged : Model.merge(List.of(merged, new Model(List.of(), specWarnings)));
    return all.withScope(ApplicationUnits.of(documents));
  }

  /**
   * A plan already holds the configuration's resources with every value Terraform resolved, mapped back to their
   * .tf lines: the configuration's own copy of such a resource would only repeat the finding with less certainty.
   */
  static Model withoutPlanned(Model configuration, Model plan) {
    if (plan.resources().isEmpty()) {
      return configuration;
    }
    Set<String> planned = new HashSet<>();
    for (Resource r : plan.resources()) {
      planned.add(r.path() + "|" + r.address());
    }
    List<Resource> kept = configuration.resources().stream()
        .filter(r -> !planned.contains(r.path() + "|" + r.address())).toList();
    return new Model(kept, configuration.diagnostics());
  }

  /** A .json file whose first bytes look like {@code terraform show -json} output. */
  static boolean isTerraformPlan(SourceFile f) {
    if (!f.fileName().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return false;
    }
    try (InputStream in = Files.newInputStream(f.file())) {
      return TerraformPlanParser.looksLikePlan(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return false; // the document parser reports unreadable files
    }
  }
}
