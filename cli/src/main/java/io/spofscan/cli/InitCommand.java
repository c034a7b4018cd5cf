package io.spofscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spofscan init}: writes a commented starter {@code .spofscan.yml}. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a commented starter .spofscan.yml.")
final class InitCommand implements Callable<Integer> {
  static final String STARTER = """
      # spofscan configuration. Every key is optional; unknown keys are errors.
      # Docs: README.md (Configuration) and docs/rules.md (rule ids).

      # Exit 1 when a certain finding is at or above this severity: critical, high, medium, low or none.
      fail-on: high

      # Paths (globs, relative to this file) that are not scanned.
      exclude:
        - "**/test/fixtures/**"

      # Accepted findings: a rule on some resources (glob) or paths, with a reason and an optional expiry.
      ignore: []
      #  - rule: SPOF-K8S-001
      #    resource: Deployment/jobs/*
      #    reason: queue workers; the queue retries a lost message
      #    until: 2026-12-31

      # Turn rules off, or change their severity.
      rules:
        # SPOF-K8S-001: off
        # SPOF-TLS-004: low

      # Values for Terraform variables, so findings that depend on them are decided.
      terraform:
        var-files: []
        #  - env/prod.tfvars
        vars: {}
        #  db_multi_az: "true"

      # Values for CloudFormation parameters.
      cloudformation:
        parameter-files: []
        #  - params/prod.json
        parameters: {}
        #  MultiAZ: "true"

      # Namespace of Kubernetes objects that name none.
      kubernetes:
        namespace: default

      # Flows by name, from an entry (a resource address or a host name) to the data; critical ones are marked.
      flows: {}
      #  checkout: {entry: aws_route53_record.www, critical: true}
      #  admin: admin.shop.example.net

      # File context: test fixtures (test/, testdata/, fixtures/, ...) are skipped unless include-tests is true;
      # examples (examples/, samples/, docs/, ...) are scanned and labelled. Globs are relative to this file.
      context:
        include-tests: false
        skip: []
        #  - example
        test-paths: []
        example-paths: []
        production-paths: []
      """;

  @Spec
  CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Default: .spofscan.yml")
  Path output = Path.of(SpofscanConfig.FILE_NAME);

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  @Override
  public Integer call() {
    if (Files.exists(output) && !force) {
      throw new UserError(output + " already exists (use --force to overwrite)");
    }
    OutputFiles.write(output, STARTER, spec.commandLine().getOut());
    spec.commandLine().getErr().println("spofscan: wrote " + output);
    spec.commandLine().getErr().flush();
    return Main.OK;
  }
}
