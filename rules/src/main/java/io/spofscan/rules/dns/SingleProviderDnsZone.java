package io.spofscan.rules.dns;

import static io.spofscan.rules.catalog.Attrs.CLOUDFLARE_ZONE_NAME;
import static io.spofscan.rules.catalog.Attrs.DOMAIN_NAME;
import static io.spofscan.rules.catalog.Attrs.GOOGLE_DNS_NAME;
import static io.spofscan.rules.catalog.Attrs.GOOGLE_VISIBILITY;
import static io.spofscan.rules.catalog.Attrs.NAME_SERVERS;
import static io.spofscan.rules.catalog.Attrs.NS1_ZONE_NAME;
import static io.spofscan.rules.catalog.Attrs.ROUTE53_VPC;
import static io.spofscan.rules.catalog.Attrs.ZONE_NAME;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@RuleInfo(
    id = "SPOF-DNS-001",
    title = "Public DNS zone is served by a single DNS provider",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "When one DNS provider serves a public zone, an outage or a DDoS at that provider makes every name "
        + "in the zone unresolvable, however redundant the services behind them are.",
    remediation = "Serve the zone from a second DNS provider as well (for example Route 53 and Cloudflare or NS1, "
        + "kept in sync) and register the name servers of both at the registrar.",
    tags = {"dns", "multi-provider"},
    references = {
        "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/disaster-recovery-resiliency.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53domains_registered_domain"})
public final class SingleProviderDnsZone implements Rule {

  /** A zone as one provider serves it. */
  private record Zone(Resource resource, String provider, Value name, Truth isPublic, Value privacy) {}

  @Override
  public void check(Model model, Reporter report) {
    List<Zone> zones = new ArrayList<>();
    collect(model, Kinds.ROUTE53_ZONE, "Route 53", zones);
    collect(model, Kinds.GOOGLE_DNS_ZONE, "Google Cloud DNS", zones);
    collect(model, Kinds.AZURE_DNS_ZONE, "Azure DNS", zones);
    collect(model, Kinds.CLOUDFLARE_ZONE, "Cloudflare", zones);
    collect(model, Kinds.NS1_ZONE, "NS1", zones);
    collect(model, Kinds.DIGITALOCEAN_DOMAIN, "DigitalOcean", zones);

    Map<String, Set<String>> providersByZone = new HashMap<>();
    Set<String> providersWithUnknownNames = new TreeSet<>();
    for (Zone z : zones) {
      if (z.isPublic() == Truth.FALSE) {
        continue;
      }
      Optional<String> name = normalise(z.name());
      if (name.isPresent()) {
        providersByZone.computeIfAbsent(name.get(), k -> new LinkedHashSet<>()).add(z.provider());
      } else {
        providersWithUnknownNames.add(z.provider());
      }
    }
    Map<String, Set<String>> registeredProviders = registeredNameServers(model);

    for (Zone z : zones) {
      Resource r = z.resource();
      if (z.isPublic() == Truth.FALSE) {
        continue;
      }
      Optional<String> name = normalise(z.name());
      if (name.isEmpty()) {
        String why = z.name().isUnknown() ? "depends on " + Values.why(z.name())
            : z.name().isAbsent() ? "is not set" : "is not a plain string (" + z.name().describe() + ")";
        report.unknown(r, z.name(), "%s is a %s zone whose name %s: whether a second DNS provider serves it "
            + "cannot be told", r.address(), z.provider(), why);
        continue;
      }
      Set<String> providers = new TreeSet<>(providersByZone.getOrDefault(name.get(), Set.of()));
      providers.addAll(registeredProviders.getOrDefault(name.get(), Set.of()));
      if (providers.size() >= 2) {
        continue;
      }
      Set<String> others = new TreeSet<>(providersWithUnknownNames);
      others.remove(z.provider());
      if (!others.isEmpty()) {
        report.unknown(r, z.name(), "%s: zone %s is served only by %s unless a %s zone with an unresolved name "
            + "is the same zone", r.address(), name.get(), z.provider(), String.join(" or ", others));
      } else if (z.isPublic() == Truth.UNKNOWN) {
        report.unknown(r, z.privacy(), "%s: zone %s is served only by %s if it is public, which depends on %s",
            r.address(), name.get(), z.provider(), Values.why(z.privacy()));
      } else {
        report.at(r, z.name(), "%s: public zone %s is served only by %s: an outage at that provider makes every "
            + "name in it unresolvable", r.address(), name.get(), z.provider());
      }
    }
  }

  private static void collect(Model model, Kind kind, String provider, List<Zone> out) {
    for (Resource r : model.all(kind)) {
      Value name;
      Truth isPublic = Truth.TRUE;
      Value privacy = Value.absent();
      if (kind == Kinds.ROUTE53_ZONE) {
        name = r.attr(ZONE_NAME);
        privacy = r.attr(ROUTE53_VPC);
        isPublic = privacy.isUnknown() ? Truth.UNKNOWN : Truth.of(privacy.items().isEmpty());
      } else if (kind == Kinds.GOOGLE_DNS_ZONE) {
        name = r.attr(GOOGLE_DNS_NAME);
        privacy = r.attr(GOOGLE_VISIBILITY);
        isPublic = privacy.isUnknown() ? Truth.UNKNOWN
            : Truth.of(!Values.lower(privacy).map("private"::equals).orElse(false));
      } else if (kind == Kinds.CLOUDFLARE_ZONE || kind == Kinds.NS1_ZONE) {
        name = r.attr(kind == Kinds.NS1_ZONE ? NS1_ZONE_NAME : CLOUDFLARE_ZONE_NAME);
        if (name.isAbsent()) {
          name = r.attr(ZONE_NAME); // cloudflare provider v5
        }
      } else {
        name = r.attr(ZONE_NAME);
      }
      out.add(new Zone(r, provider, name, isPublic, privacy));
    }
  }

  /** Lower case, without a trailing dot; empty when the name is not known. */
  static Optional<String> normalise(Value name) {
    return name.asString().map(s -> s.trim().toLowerCase(Locale.ROOT))
        .map(s -> s.endsWith(".") ? s.substring(0, s.length() - 1) : s)
        .filter(s -> !s.isEmpty());
  }

  /** Registered domains (Route 53 Domains) → DNS providers of the name servers registered for them. */
  private static Map<String, Set<String>> registeredNameServers(Model model) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Resource r : model.all(Kinds.ROUTE53_REGISTERED_DOMAIN)) {
      Optional<String> domain = normalise(r.attr(DOMAIN_NAME));
      if (domain.isEmpty()) {
        continue;
      }
      Set<String> providers = out.computeIfAbsent(domain.get(), k -> new TreeSet<>());
      Value servers = r.attr(NAME_SERVERS);
      for (Value ns : servers instanceof Value.ListValue l ? l.items() : servers.items()) {
        normalise(ns.get("name")).flatMap(SingleProviderDnsZone::providerOfNameServer).ifPresent(providers::add);
      }
    }
    return out;
  }

  /** The DNS provider a name server host belongs to, by the providers' published name server domains. */
  static Optional<String> providerOfNameServer(String host) {
    if (host.contains(".awsdns-")) {
      return Optional.of("Route 53");
    }
    if (host.endsWith(".googledomains.com")) {
      return Optional.of("Google Cloud DNS");
    }
    if (host.contains(".azure-dns.")) {
      return Optional.of("Azure DNS");
    }
    if (host.endsWith(".ns.cloudflare.com")) {
      return Optional.of("Cloudflare");
    }
    if (host.endsWith(".nsone.net")) {
      return Optional.of("NS1");
    }
    if (host.endsWith(".digitalocean.com")) {
      return Optional.of("DigitalOcean");
    }
    return Optional.of("name servers at " + registrable(host));
  }

  private static String registrable(String host) {
    String[] parts = host.split("\\.");
    return parts.length <= 2 ? host : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }
}
