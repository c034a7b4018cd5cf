package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.BACKENDS;
import static io.spofscan.rules.catalog.Attrs.BACKEND_GROUP;
import static io.spofscan.rules.catalog.Attrs.MIG_ZONE;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Reference;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Links;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
    id = "SPOF-GCLB-001",
    title = "Backend service whose only backend is one zonal instance group or NEG",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "A load balancer backend service with a single backend that is a zonal unmanaged instance group "
        + "or a zonal network endpoint group sends all traffic into one zone: a zone outage (or the loss of the "
        + "few VMs or endpoints in the group) leaves the load balancer with nothing healthy to route to.",
    remediation = "Add backend blocks for groups in other zones, or use a regional managed instance group "
        + "(google_compute_region_instance_group_manager) as the backend's group.",
    tags = {"gcp", "load-balancing", "availability-zone"},
    references = {
        "https://cloud.google.com/load-balancing/docs/backend-service",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_backend_service"})
public final class BackendServiceSingleZonalBackend implements ResourceRule {

  /** Group types that are always zonal; zonal managed instance groups are SPOF-GCE-001's. */
  private static final Set<String> ZONAL_TYPES = Set.of("google_compute_instance_group",
      "google_compute_network_endpoint_group");
  private static final Pattern ZONAL_URL =
      Pattern.compile(".*/zones/([a-z0-9-]+)/(instanceGroups|networkEndpointGroups)/.*");

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.BACKEND_SERVICE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value backends = r.attr(BACKENDS);
    if (backends.isUnknown() || backends.items().size() != 1) {
      return; // several backends (or an unresolved dynamic list): spread is possible
    }
    Value group = backends.items().get(0).get(BACKEND_GROUP.name());
    if (group.asString().isPresent()) {
      Matcher m = ZONAL_URL.matcher(group.asString().get());
      if (m.matches()) {
        report.at(r, group, "%s has a single backend, a zonal group in %s: a zone outage leaves the load "
            + "balancer with no backend to route to", r.address(), m.group(1));
      }
      return;
    }
    Optional<Reference> ref = group.location().flatMap(at -> r.references().stream()
        .filter(x -> within(x.range(), at)).findFirst());
    if (ref.isEmpty()) {
      return; // a variable or module output: its kind is not visible
    }
    String target = local(ref.get().target());
    String type = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
    if (!ZONAL_TYPES.contains(type)) {
      return;
    }
    List<Resource> groups = model.all(Kinds.ZONAL_BACKEND).stream()
        .filter(g -> local(g.address()).equals(target) && Links.scope(g).equals(Links.scope(r))).toList();
    Set<String> zones = new TreeSet<>();
    for (Resource g : groups) {
      g.attr(MIG_ZONE).asString().ifPresent(zones::add);
    }
    if (groups.size() > 1 && zones.size() != 1) {
      return; // one of several counted groups, whose zones may differ
    }
    report.at(r, group, "%s has a single backend, the zonal %s %s%s: a zone outage leaves the load balancer "
        + "with no backend to route to", r.address(), type.equals("google_compute_instance_group")
        ? "instance group" : "network endpoint group", target, zones.size() == 1 ? " in " + zones.iterator().next()
        : "");
  }

  /** A reference written inside the attribute (same file, starting within the attribute's lines). */
  private static boolean within(SourceRange ref, SourceRange attribute) {
    int end = attribute.hasEnd() ? attribute.endLine() : attribute.line();
    return ref.path().equals(attribute.path()) && ref.line() >= attribute.line() && ref.line() <= end
        && (ref.line() != attribute.line() || ref.column() >= attribute.column());
  }

  /** "module.a.google_x.y[0]" → "google_x.y", the way references are written inside the module. */
  private static String local(String address) {
    String local = address;
    while (local.startsWith("module.") && local.indexOf('.', 7) > 0) {
      local = local.substring(local.indexOf('.', 7) + 1);
    }
    int bracket = local.indexOf('[');
    return bracket < 0 ? local : local.substring(0, bracket);
  }
}
