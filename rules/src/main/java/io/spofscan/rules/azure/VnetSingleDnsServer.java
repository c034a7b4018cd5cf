package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.VNET_DNS_SERVERS;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.modules.ModuleAwareRule;
import io.spofscan.rules.support.Values;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "SPOF-VNETDNS-001",
    title = "Virtual network resolves names through exactly one custom DNS server",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "A virtual network whose dns_servers lists one address sends every name lookup of every VM, "
        + "container and private endpoint client in it to that one server: when it is down or rebooting, "
        + "resolution fails everywhere and so does every connection that starts with a name.",
    remediation = "List at least two DNS servers in dns_servers (in different zones), point it at a zone-redundant "
        + "resolver (Azure Private DNS Resolver inbound endpoint, Azure Firewall DNS proxy), or remove dns_servers "
        + "to use Azure-provided DNS.",
    tags = {"azure", "dns", "network"},
    references = {
        "https://learn.microsoft.com/azure/virtual-network/virtual-networks-name-resolution-for-vms-and-role-instances",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_network#dns_servers"})
public final class VnetSingleDnsServer implements ModuleAwareRule {

  /** Azure's own resolver (the virtual public IP of the platform DNS). */
  private static final String AZURE_DNS = "168.63.129.16";
  /** Resolvers that are themselves redundant services behind one address. */
  private static final Set<String> REDUNDANT = Set.of("azurerm_firewall", "azurerm_private_dns_resolver_inbound_endpoint",
      "azurerm_lb", "azurerm_dns_resolver_inbound_endpoint");
  /** A single machine. */
  private static final Set<String> ONE_MACHINE = Set.of("azurerm_network_interface",
      "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine");

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.AZURE_VNET_DNS);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value servers = r.attr(VNET_DNS_SERVERS);
    if (servers.isUnknown() || servers.items().size() != 1) {
      return; // none (Azure DNS), several, or a list whose length is not known
    }
    Value server = servers.items().get(0);
    if (server.asString().isPresent()) {
      if (!server.asString().get().equals(AZURE_DNS)) {
        report.at(r, servers, "%s sends every DNS lookup in the network to one server (dns_servers = [%s]): when "
            + "it is down, name resolution fails for everything in the network", r.address(), server.describe());
      }
      return;
    }
    if (!server.isUnknown()) {
      return;
    }
    Optional<String> type = WrittenReferences.types(r, servers).stream().findFirst();
    if (type.isPresent() && REDUNDANT.contains(type.get())) {
      return;
    }
    if (type.isPresent() && ONE_MACHINE.contains(type.get())) {
      report.at(r, servers, "%s sends every DNS lookup in the network to one server, the single machine %s: when "
          + "it is down, name resolution fails for everything in the network", r.address(), type.get());
      return;
    }
    report.unknown(r, servers, "%s sends every DNS lookup in the network to one server, unless that address is a "
        + "redundant resolver: it depends on %s", r.address(), Values.why(server));
  }
}
