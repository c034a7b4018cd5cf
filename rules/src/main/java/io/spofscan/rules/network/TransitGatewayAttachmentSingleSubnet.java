package io.spofscan.rules.network;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Attrs;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.SingleSubnetRule;

@RuleInfo(
    id = "SPOF-TGW-001",
    title = "Transit gateway VPC attachment in a single subnet",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A transit gateway reaches a VPC only through the attachment's subnets, one per Availability Zone. "
        + "With one subnet, traffic between the VPC and the transit gateway flows through one zone and stops when "
        + "that zone fails; resources in other zones of the VPC cannot use the attachment either.",
    remediation = "Give the attachment one subnet in every Availability Zone the VPC uses (subnet_ids / SubnetIds).",
    tags = {"aws", "transit-gateway", "vpc", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html",
        "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-best-design-practices.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ec2_transit_gateway_vpc_attachment"})
public final class TransitGatewayAttachmentSingleSubnet extends SingleSubnetRule {
  public TransitGatewayAttachmentSingleSubnet() {
    super(Kinds.TGW_VPC_ATTACHMENT, Attrs.TGW_SUBNETS,
        "traffic between the VPC and the transit gateway stops when that zone fails");
  }
}
