package io.spofscan.rules.network;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Attrs;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.SingleSubnetRule;

@RuleInfo(
    id = "SPOF-NFW-001",
    title = "Network Firewall with an endpoint in a single subnet",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "AWS Network Firewall creates one endpoint per subnet mapping, in that subnet's Availability "
        + "Zone. Traffic that is routed through a single endpoint stops when its zone fails, for the subnets of "
        + "every zone that route to it.",
    remediation = "Add a subnet_mapping (SubnetMappings entry) for a firewall subnet in each Availability Zone and "
        + "route each zone's traffic to the endpoint in its own zone.",
    tags = {"aws", "network-firewall", "vpc", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/networkfirewall_firewall"})
public final class NetworkFirewallSingleSubnet extends SingleSubnetRule {
  public NetworkFirewallSingleSubnet() {
    super(Kinds.NETWORK_FIREWALL, Attrs.NFW_SUBNET_MAPPINGS,
        "its only endpoint stops inspecting (and forwarding) traffic when that zone fails");
  }
}
