package io.spofscan.rules.network;

import static io.spofscan.rules.catalog.Attrs.CLOUDFRONT_DEFAULT_TARGET;
import static io.spofscan.rules.catalog.Attrs.CLOUDFRONT_GROUP_ID;
import static io.spofscan.rules.catalog.Attrs.CLOUDFRONT_ORIGIN_GROUPS;

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
import java.util.HashSet;
import java.util.Set;

@RuleInfo(
    id = "SPOF-CLOUDFRONT-001",
    title = "CloudFront distribution without origin failover",
    severity = Severity.LOW,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "CloudFront serves cache misses from the origin a cache behavior targets. Without an origin group "
        + "there is no secondary origin to retry: when the origin (a bucket's Region, a load balancer, a server) "
        + "fails, every request CloudFront cannot answer from cache fails with it.",
    remediation = "Add an origin group with a primary and a secondary origin (in another Region or stack) and "
        + "failover status codes, and point the default cache behavior's target_origin_id (TargetOriginId) at it.",
    tags = {"aws", "cloudfront", "cdn", "region"},
    references = {
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#origin-group-arguments"})
public final class CloudFrontNoOriginFailover implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.CLOUDFRONT_DISTRIBUTION);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value groups = r.attr(CLOUDFRONT_ORIGIN_GROUPS);
    Value target = r.attr(CLOUDFRONT_DEFAULT_TARGET);
    if (groups.isUnknown()) {
      report.unknown(r, groups, "%s may have no origin failover: its origin groups depend on %s", r.address(),
          Values.why(groups));
      return;
    }
    if (groups.items().isEmpty()) {
      report.at(r, target, "%s has no origin group: when its origin fails, every request not served from cache "
          + "fails, with no secondary origin to fail over to", r.address());
      return;
    }
    Set<String> ids = new HashSet<>();
    for (Value g : groups.items()) {
      Value id = Values.within(g, CLOUDFRONT_GROUP_ID, r.format());
      if (id.isUnknown()) {
        return; // cannot tell which group the default behavior uses; other behaviors may use it anyway
      }
      id.asString().ifPresent(ids::add);
    }
    if (target.isUnknown()) {
      report.unknown(r, target, "%s may serve its default cache behavior without origin failover: its target "
          + "origin depends on %s", r.address(), Values.why(target));
    } else if (target.asString().map(t -> !ids.contains(t)).orElse(false)) {
      report.at(r, target, "%s sends its default cache behavior to origin %s, not to one of its origin groups: "
          + "when that origin fails, those requests fail", r.address(), target.describe());
    }
  }
}
