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

  private Trees() {}

  /** A scan root with {@code good/main.tf}: an RDS instance without multi_az, which must yield SPOF-RDS-001. */
  static Path withNeighbour(Path tmp) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("repo"));
    write(root, NEIGHBOUR, """
        resource "aws_db_instance" "orders" {
          engine         = "postgres"
          instance_class = "db.t3.micro"
        }
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
