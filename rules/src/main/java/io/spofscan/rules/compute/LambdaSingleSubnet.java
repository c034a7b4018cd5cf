package io.spofscan.rules.compute;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Attrs;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.SingleSubnetRule;

@RuleInfo(
    id = "SPOF-LAMBDA-001",
    title = "Lambda function attached to a VPC through a single subnet",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A Lambda function connected to a VPC runs behind network interfaces in the subnets it is given. "
        + "With one subnet it has interfaces in one Availability Zone only: when that zone fails, invocations "
        + "fail although Lambda itself runs in every zone.",
    remediation = "List subnets in at least two Availability Zones in vpc_config.subnet_ids (Terraform) or "
        + "VpcConfig.SubnetIds (CloudFormation).",
    tags = {"aws", "lambda", "serverless", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
        "https://docs.aws.amazon.com/lambda/latest/dg/security-resilience.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#vpc_config"})
public final class LambdaSingleSubnet extends SingleSubnetRule {
  public LambdaSingleSubnet() {
    super(Kinds.LAMBDA_FUNCTION, Attrs.LAMBDA_SUBNETS, "when that zone fails the function cannot run in the VPC");
  }
}
