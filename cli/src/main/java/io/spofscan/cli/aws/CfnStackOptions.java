package io.spofscan.cli.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that scan deployed CloudFormation stacks. Plain picocli fields, no AWS SDK type: the SDK is loaded
 * only when {@link #requested()} and {@link DeployedStackScanner} runs.
 */
public final class CfnStackOptions {
  @Option(names = "--cfn-stack", paramLabel = "NAME_OR_ARN",
      description = "Scan a deployed CloudFormation stack's template, and its nested stacks', with their actual "
          + "parameter values (repeatable; reported as cfn-stack/<name>.template). Without PATHs only the stacks "
          + "are scanned. Needs cloudformation:DescribeStacks, GetTemplate and ListStackResources.")
  List<String> stacks = new ArrayList<>();

  @Option(names = "--region", paramLabel = "REGION",
      description = "AWS region of --cfn-stack (default: the stack ARN's, else AWS_REGION or the profile's).")
  String region;

  @Option(names = "--profile", paramLabel = "PROFILE",
      description = "AWS profile for --cfn-stack (default: the SDK's default credential chain).")
  String profile;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "CloudFormation endpoint for --cfn-stack instead of AWS's (a proxy, LocalStack).")
  URI endpointUrl;

  /** True when at least one stack is to be scanned. */
  public boolean requested() {
    return !stacks.isEmpty();
  }

  public List<String> stacks() {
    return List.copyOf(stacks);
  }

  public String region() {
    return region;
  }

  public String profile() {
    return profile;
  }

  public URI endpointUrl() {
    return endpointUrl;
  }
}
