package io.spofscan.cli.hardening;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds scan trees for the hardening tests: always one good neighbour whose finding must survive. */
final class Trees {
  static final String NEIGHBOUR = "good/main.tf";
  static final String NEIGHBOUR_RULE = "SPOF-RDS-001";
  static final String CFN_NEIGHBOUR = "good/db.yaml";

  private Trees() {}

  /**
   * A scan root with two good neighbours, each an RDS instance without Multi-AZ that must yield SPOF-RDS-001:
   * {@code good/main.tf} (Terraform) and {@code good/db.yaml} (CloudFormation).
   */
  static Path withNeighbour(Path tmp) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("repo"));
    write(root, NEIGHBOUR, """
        resource "aws_db_instance" "orders" {
          engine         = "postgres"
          instance_class = "db.t3.micro"
        }
        """);
    write(root, CFN_NEIGHBOUR, """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          OrdersDb:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
        """);
    return root;
  }

  static Path write(Path root, String relative, String content) throws IOException {
    return write(root, relative, content, StandardCharsets.UTF_8);
  }

  static Path write(Path root, String relative, String content, Charset charset) throws IOException {
    return write(root, relative, content.getBytes(charset));
  }

  static Path write(Path root, String relative, byte[] content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }
}
