package io.spofscan.rules.cloud;

import static io.spofscan.rules.catalog.Attrs.AUTOSCALING_MIN_CAPACITY;
import static io.spofscan.rules.catalog.Attrs.CLUSTER_IDENTIFIER;
import static io.spofscan.rules.catalog.Attrs.CLUSTER_SCALABILITY_TYPE;
import static io.spofscan.rules.catalog.Attrs.ENGINE;
import static io.spofscan.rules.catalog.Attrs.ENGINE_MODE;
import static io.spofscan.rules.catalog.Attrs.SCALABLE_DIMENSION;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.modules.ModuleAwareModelRule;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@RuleInfo(
    id = "SPOF-RDS-004",
    title = "Aurora cluster has a single instance",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "Aurora fails over by promoting a replica instance. With one instance there is none to promote: "
        + "an instance or Availability Zone failure stops the database until Aurora recreates the instance.",
    remediation = "Add a second cluster instance (aws_rds_cluster_instance / AWS::RDS::DBInstance with "
        + "DBClusterIdentifier) in another Availability Zone, or two entries in the rds-aurora module's instances.",
    tags = {"aws", "rds", "aurora", "database", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html",
        "https://registry.terraform.io/modules/terraform-aws-modules/rds-aurora/aws/latest"})
public final class AuroraSingleInstance implements ModuleAwareModelRule {

  static final Kind CLUSTER = Kind.of("RDS DB cluster", "aws_rds_cluster", "AWS::RDS::DBCluster");
  static final Kind CLUSTER_INSTANCE = Kind.of("cluster instance", "aws_rds_cluster_instance", "aws_db_instance",
      "AWS::RDS::DBInstance");
  static final Kind SCALABLE_TARGET = Kind.of("Application Auto Scaling target", "aws_appautoscaling_target",
      "AWS::ApplicationAutoScaling::ScalableTarget");

  @Override
  public void checkResources(Model model, Reporter report) {
    Map<String, List<Resource>> membersByCluster = new HashMap<>();
    for (Resource i : model.all(CLUSTER_INSTANCE)) {
      Set<String> targets = new TreeSet<>();
      i.references().forEach(ref -> targets.add(scope(i) + stripIndex(ref.target())));
      for (String target : targets) {
        membersByCluster.computeIfAbsent(target, k -> new ArrayList<>()).add(i);
      }
      Value literal = i.attr(CLUSTER_IDENTIFIER);
      literal.asString().ifPresent(id -> membersByCluster.computeIfAbsent("id|" + id, k -> new ArrayList<>())
          .add(i));
    }
    for (Resource c : model.all(CLUSTER)) {
      Value engine = c.attr(ENGINE);
      Value mode = c.attr(ENGINE_MODE);
      String engineName = engine.isAbsent() ? "aurora" : Values.lower(engine).orElse("");
      Value scalability = c.attr(CLUSTER_SCALABILITY_TYPE);
      if (engine.isUnknown() || !engineName.startsWith("aurora")
          || Values.lower(mode).map(m -> m.equals("serverless")).orElse(false)
          || Values.lower(scalability).map(t -> t.equals("limitless")).orElse(false)) {
        // Multi-AZ DB clusters of other engines, Aurora Serverless v1 and Aurora Limitless (whose capacity is a
        // shard group) have no member instances to count.
        continue;
      }
      List<Resource> members = new ArrayList<>(membersByCluster.getOrDefault(
          scope(c) + stripIndex(c.address()), List.of()));
      Value id = c.attr(CLUSTER_IDENTIFIER);
      id.asString().ifPresent(s -> membersByCluster.getOrDefault("id|" + s, List.of()).stream()
          .filter(m -> !members.contains(m)).forEach(members::add));
      long certain = members.stream().filter(Resource::certainlyExists).count();
      if (certain + autoscaledReplicas(model, c) >= 2) {
        continue; // Aurora Auto Scaling keeps at least its minimum of replicas beside the writer
      }
      if (members.size() >= 2) {
        report.unknown(c, Value.absent(), "%s has %d certain instance(s); whether it has a second one depends on "
            + "%s", c.address(), certain, members.stream().filter(m -> !m.certainlyExists()).findFirst()
            .flatMap(m -> m.existence().unknownReason()).orElse("an unresolved count"));
      } else {
        report.at(c, Value.absent(), "%s has %s in the scan: there is no replica to promote, so an instance or "
            + "AZ failure stops the database", c.address(), Values.plural(members.size(), "instance"));
      }
    }
  }

  /** The minimum of read replicas an Aurora Auto Scaling target of the cluster keeps (0 when none is known). */
  private static long autoscaledReplicas(Model model, Resource cluster) {
    String self = scope(cluster) + stripIndex(cluster.address());
    long most = 0;
    for (Resource t : model.all(SCALABLE_TARGET)) {
      Value dimension = t.attr(SCALABLE_DIMENSION);
      boolean replicas = dimension.asString().filter("rds:cluster:ReadReplicaCount"::equals).isPresent();
      boolean mine = t.references().stream().anyMatch(ref -> (scope(t) + stripIndex(ref.target())).equals(self));
      if (replicas && mine && t.certainlyExists()) {
        Value min = t.attr(AUTOSCALING_MIN_CAPACITY);
        most = Math.max(most, Values.longOr(min, 0).orElse(0));
      }
    }
    return most;
  }

  /**
   * "module.db.aws_rds_cluster.main[0]" → "aws_rds_cluster.main": counted resources match their references, and
   * addresses inside a module match the module-local references written there (the scope keeps modules apart).
   */
  private static String stripIndex(String address) {
    String local = address;
    while (local.startsWith("module.") && local.indexOf('.', 7) > 0) {
      local = local.substring(local.indexOf('.', 7) + 1);
    }
    int bracket = local.indexOf('[');
    return bracket < 0 ? local : local.substring(0, bracket);
  }

  /** The file and module instance a resource was declared in. */
  private static String scope(Resource r) {
    return r.path() + "|" + r.callChain() + "|";
  }
}
