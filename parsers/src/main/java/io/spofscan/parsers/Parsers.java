package io.spofscan.parsers;

import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.terraform.TerraformParser;
import io.spofscan.parsers.terraform.TerraformPlanParser;
import io.spofscan.parsers.yaml.DocumentParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    List<SourceFile> terraform = new ArrayList<>();
    List<SourceFile> documents = new ArrayList<>();
    List<SourceFile> plans = new ArrayList<>();
    for (SourceFile f : files) {
      if (isTerraformSource(f.fileName())) {
        terraform.add(f);
      } else if (isTerraformPlan(f)) {
        plans.add(f);
      } else {
        documents.add(f);
      }
    }
    Model tf = new TerraformParser(options).parse(terraform);
    Model plan = plans.isEmpty() ? Model.empty() : new TerraformPlanParser(options).parse(plans, terraform);
    Model docs = new DocumentParser(options).parse(documents);
    return Model.merge(List.of(tf, plan, docs));
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
