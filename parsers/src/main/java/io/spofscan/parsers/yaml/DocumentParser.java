package io.spofscan.parsers.yaml;

import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import java.util.List;

/** YAML and JSON documents: CloudFormation, Kubernetes, Terraform plan JSON, told apart by content. (Being implemented.) */
public final class DocumentParser {
  private final ScanOptions options;

  public DocumentParser(ScanOptions options) {
    this.options = options;
  }

  public Model parse(List<SourceFile> files) {
    return Model.empty();
  }
}
