package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.VM_AVAILABILITY_SET;
import static io.spofscan.rules.catalog.Attrs.VM_SCALE_SET;
import static io.spofscan.rules.catalog.Attrs.VM_ZONE;
import static io.spofscan.rules.catalog.Attrs.VM_ZONES;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import java.util.List;

@RuleInfo(
    id = "SPOF-AZVM-001",
    title = "Azure VM with no availability zone, availability set or scale set",
    severity = Severity.LOW,
    formats = {Format.TERRAFORM},
    rationale = "A virtual machine that names no zone, no availability set and no scale set is placed with no "
        + "fault-domain or zone spreading: a host failure or planned maintenance stops it, and nothing tells Azure "
        + "to keep it apart from the other VMs of the same service.",
    remediation = "Run the workload on several VMs spread over zones (zone = \"1\", \"2\", \"3\"), in an "
        + "azurerm_availability_set (availability_set_id), or in a scale set (virtual_machine_scale_set_id / "
        + "azurerm_linux_virtual_machine_scale_set) behind a load balancer.",
    tags = {"azure", "virtual-machine", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/virtual-machines/availability",
        "https://learn.microsoft.com/azure/reliability/reliability-virtual-machines",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine"})
public final class VirtualMachineWithoutRedundancy implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.AZURE_VM);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    List<Value> placement = List.of(r.attr(VM_ZONE), r.attr(VM_ZONES), r.attr(VM_AVAILABILITY_SET),
        r.attr(VM_SCALE_SET));
    for (Value v : placement) {
      if (v.isKnown() && (v instanceof Value.ListValue l ? !l.items().isEmpty() : Values.present(v))) {
        return; // a zone, an availability set or a scale set spreads it
      }
    }
    // An unresolved value that is another resource's attribute (an availability set's id, a random zone number)
    // is present, unlike an input that may be null: the VM is placed.
    for (Value v : placement) {
      if (v.isUnknown() && (!WrittenReferences.types(r, v).isEmpty()
          || v.unknownReason().map(why -> why.endsWith("is known only after apply")).orElse(false))) {
        return;
      }
    }
    var unknown = Values.firstUnknown(placement.toArray(Value[]::new));
    if (unknown.isPresent()) {
      report.unknown(r, unknown.get(), "%s may run with no zone, availability set or scale set: its placement "
          + "depends on %s", r.address(), Values.why(unknown.get()));
      return;
    }
    report.at(r, Value.absent(), "%s names no availability zone, availability set or scale set: a host failure "
        + "or maintenance stops it, with no fault-domain or zone spreading", r.address());
  }
}
