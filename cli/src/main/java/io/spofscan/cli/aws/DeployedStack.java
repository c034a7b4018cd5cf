package io.spofscan.cli.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployed CloudFormation stack as the scan needs it.
 *
 * @param stackName the stack's name (also when it was asked for by ARN)
 * @param stackId the stack's ARN
 * @param templateBody the template CloudFormation holds for it (JSON or YAML text)
 * @param templateStage {@code Processed} (transforms and macros applied) or {@code Original}
 * @param parameters the values the stack was deployed with, by parameter name (for SSM parameter types the
 *     resolved value); parameters whose value CloudFormation masks ({@code NoEcho}) are left out
 * @param maskedParameters the {@code NoEcho} parameters left out, sorted
 */
public record DeployedStack(String stackName, String stackId, String templateBody, String templateStage,
    Map<String, String> parameters, List<String> maskedParameters) {

  public DeployedStack {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    maskedParameters = List.copyOf(maskedParameters);
  }

  /** The path findings name the template by: {@code cfn-stack/<stackName>.template}. */
  public String displayPath() {
    return "cfn-stack/" + stackName.replaceAll("[^A-Za-z0-9._-]", "_") + ".template";
  }
}
