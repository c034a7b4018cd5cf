package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import java.util.List;

/** Terraform: every directory's .tf/.tf.json files form one module. (Being implemented.) */
public final class TerraformParser {
  private final ScanOptions options;

  public TerraformParser(ScanOptions options) {
    this.options = options;
  }

  public Model parse(List<SourceFile> files) {
    return Model.empty();
  }
}
