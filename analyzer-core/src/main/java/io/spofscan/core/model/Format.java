package io.spofscan.core.model;

/** The infrastructure-as-code languages spofscan reads. */
public enum Format {
  TERRAFORM("Terraform"),
  CLOUDFORMATION("CloudFormation"),
  KUBERNETES("Kubernetes"),
  SQL("SQL migration"),
  CODEOWNERS("CODEOWNERS"),
  CI("CI pipeline");

  private final String displayName;

  Format(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
