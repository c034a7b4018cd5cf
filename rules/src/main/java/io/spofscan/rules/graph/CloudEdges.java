package io.spofscan.rules.graph;

import io.spofscan.core.graph.EdgeKind;
import io.spofscan.core.graph.EdgeSource;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.graph.Node;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Reference;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.rules.catalog.GraphKinds;
import io.spofscan.rules.catalog.Kinds;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Terraform and CloudFormation edges, from the references the parsers keep (each located on the attribute that
 * writes it, also inside {@code jsonencode(...)} and {@code Fn::Sub}): DNS record and CDN ROUTES_TO what they name;
 * load balancer -> listener (-> rule) -> target group -> what registers in it (ASG {@code target_group_arns}, ECS
 * service {@code load_balancer}, attachments); ECS service -> task definition; code (task definitions, functions,
 * instances, Terraform-managed Kubernetes objects) USES the data services it names; anything PLACED_IN the subnets it
 * names; subnet EGRESS_VIA its route table EGRESS_VIA its NAT gateway. A reference to a resource the scan does not
 * have becomes an edge to an unknown node with the reason. A DNS record or CDN routes only to what its routing
 * attributes name (origins, alias targets, record values), not to its logging bucket or cache policy. References resolve within one Terraform module
 * directory (and module instance) or one CloudFormation template, by an index of addresses.
 */
final class CloudEdges implements EdgeSource {

  /** Data services: a reference from code to one of these is a connection. */
  private static final List<String> DATA_PREFIXES = List.of("aws_db_", "aws_rds_", "aws_elasticache_",
      "aws_memorydb_", "aws_opensearch_", "aws_elasticsearch_", "aws_docdb_", "aws_neptune_", "aws_redshift_",
      "aws_dynamodb_table", "aws_sqs_queue", "aws_sns_topic", "aws_kinesis_", "aws_msk_", "aws_mq_broker",
      "aws_efs_file_system", "aws_s3_bucket", "aws_lb", "aws_alb", "aws_elb", "aws_lambda_function",
      "aws_secretsmanager_secret", "aws_ssm_parameter", "aws_api_gateway", "aws_apigatewayv2",
      "AWS::RDS::", "AWS::ElastiCache::", "AWS::MemoryDB::", "AWS::OpenSearchService::", "AWS::Elasticsearch::",
      "AWS::DocDB::", "AWS::Neptune::", "AWS::Redshift::", "AWS::DynamoDB::Table", "AWS::SQS::Queue",
      "AWS::SNS::Topic", "AWS::Kinesis::", "AWS::MSK::", "AWS::AmazonMQ::", "AWS::EFS::FileSystem",
      "AWS::S3::Bucket", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::Lambda::Function",
      "AWS::SecretsManager::Secret", "AWS::SSM::Parameter", "google_sql_", "google_redis_", "azurerm_redis_",
      "azurerm_postgresql_", "azurerm_mysql_", "azurerm_mssql_");
  /** Secret and parameter stores: code that reads them at start cannot start without them. */
  private static final List<String> START_PREFIXES = List.of("aws_secretsmanager_", "aws_ssm_parameter",
      "AWS::SecretsManager::", "AWS::SSM::Parameter");
  private static final Set<String> IGNORED_REFERENCE_KINDS = Set.of("depends_on");
  /**
   * Where a DNS record or CDN names what it sends traffic to: its origins, alias targets and record values. Its other
   * references (a logging bucket, a cache policy, an edge function, a zone) carry no request and are no hop. A type
   * not listed keeps every reference.
   */
  private static final Map<String, List<String>> ROUTING_ATTRIBUTES = Map.of(
      "aws_cloudfront_distribution", List.of("origin"),
      "AWS::CloudFront::Distribution", List.of("Properties.DistributionConfig.Origins"),
      "aws_route53_record", List.of("alias", "records"),
      "AWS::Route53::RecordSet", List.of("Properties.AliasTarget", "Properties.ResourceRecords"),
      "AWS::Route53::RecordSetGroup", List.of("Properties.RecordSets"),
      "google_dns_record_set", List.of("rrdatas"),
      "azurerm_dns_a_record", List.of("records", "target_resource_id"),
      "azurerm_dns_cname_record", List.of("record", "target_resource_id"),
      "cloudflare_record", List.of("value", "content", "data"));

  /** Resources by module directory (or template) and address; one instance per model. */
  private Map<String, Resource> byKey = Map.of();

  @Override
  public void addEdges(Model model, Graph.Builder graph) {
    byKey = new HashMap<>();
    for (Resource r : model.resources()) {
      if (r.format() == Format.TERRAFORM || r.format() == Format.CLOUDFORMATION) {
        byKey.putIfAbsent(key(r, r.address()), r);
      }
    }
    for (Resource from : model.resources()) {
      if (from.format() == Format.SQL || from.references().isEmpty()) {
        continue; // Kubernetes objects from Terraform (kubernetes_*, helm_release) keep Terraform references
      }
      for (Reference ref : from.references()) {
        if (IGNORED_REFERENCE_KINDS.contains(ref.kind())) {
          continue;
        }
        Resource to = resolve(from, ref);
        if (to == null) {
          unresolved(graph, from, ref);
        } else if (to != from) {
          resolved(graph, from, to, ref);
        }
      }
    }
  }

  /** The edge a reference from {@code from} to {@code to} makes, if it is one the graph keeps. */
  private void resolved(Graph.Builder g, Resource from, Resource to, Reference ref) {
    SourceRange at = ref.range();
    String via = ref.target() + (ref.detail().isEmpty() ? "" : "." + ref.detail());
    if (from.is(GraphKinds.LISTENER) && isLoadBalancer(to)) {
      g.edge(EdgeKind.ROUTES_TO, to, from, at, Truth.TRUE, via);            // the load balancer owns the listener
    } else if (from.is(GraphKinds.LISTENER_RULE) && to.is(GraphKinds.LISTENER)) {
      g.edge(EdgeKind.ROUTES_TO, to, from, at, Truth.TRUE, via);
    } else if ((from.is(GraphKinds.LISTENER) || from.is(GraphKinds.LISTENER_RULE)) && to.is(Kinds.TARGET_GROUP)) {
      g.edge(EdgeKind.ROUTES_TO, from, to, at, Truth.TRUE, via);
    } else if (from.is(Kinds.TARGET_GROUP_FEEDER) && to.is(Kinds.TARGET_GROUP)) {
      g.edge(EdgeKind.ROUTES_TO, to, from, at, Truth.TRUE, via);            // ASG / ECS service registers in it
    } else if (from.is(Kinds.TARGET_GROUP_ATTACHMENT) || from.is(GraphKinds.ASG_ATTACHMENT)) {
      attachment(g, from, to, ref);
    } else if (from.is(GraphKinds.ROUTE_TABLE_ASSOCIATION)) {
      association(g, from, to, ref);
    } else if (from.is(Kinds.ROUTE) && to.is(Kinds.NAT_GATEWAY)) {
      routeTableOf(g, from).ifPresent(rt -> g.edge(EdgeKind.EGRESS_VIA, rt, to, at, Truth.TRUE, via));
    } else if (from.is(Kinds.ROUTE)) {
      return; // the route's table is found from its NAT reference
    } else if (from.is(Kinds.ROUTE_TABLE) && to.is(Kinds.NAT_GATEWAY)) {
      g.edge(EdgeKind.EGRESS_VIA, from, to, at, Truth.TRUE, via);
    } else if (to.is(Kinds.SUBNET) && !from.is(Kinds.SUBNET) && !from.is(Kinds.ROUTE_TABLE)) {
      g.edge(EdgeKind.PLACED_IN, from, to, at, Truth.TRUE, via);
    } else if (from.is(GraphKinds.DNS_RECORD) || from.is(Kinds.CLOUDFRONT_DISTRIBUTION)
        || from.is(GraphKinds.API_GATEWAY_PART)) {
      if (routes(from, ref) && !to.is(Kinds.ROUTE53_ZONE) && !to.is(Kinds.ACM_CERTIFICATE) && !isPlumbing(to)) {
        g.edge(EdgeKind.ROUTES_TO, from, to, at, Truth.TRUE, via);
      }
    } else if (from.is(Kinds.ECS_SERVICE) && to.is(GraphKinds.ECS_TASK_DEFINITION)
        || from.is(GraphKinds.ASG) && to.is(GraphKinds.LAUNCH_TEMPLATE)) {
      g.edge(EdgeKind.ROUTES_TO, from, to, at, Truth.TRUE, via);            // what the service runs
    } else if (isCompute(from) && startsWithAny(to.type(), START_PREFIXES)) {
      g.edge(EdgeKind.NEEDS_AT_START, from, to, at, Truth.TRUE, via);
    } else if (isCompute(from) && startsWithAny(to.type(), DATA_PREFIXES)) {
      g.edge(EdgeKind.USES, from, to, at, Truth.TRUE, via);
    }
  }

  /** A target-group attachment: the group routes to the attached instance, function or ASG. */
  private void attachment(Graph.Builder g, Resource attachment, Resource to, Reference ref) {
    if (to.is(Kinds.TARGET_GROUP)) {
      return; // the other reference of the attachment names the target
    }
    for (Reference other : attachment.references()) {
      if (other != ref) {
        Resource tg = resolve(attachment, other);
        if (tg != null && tg.is(Kinds.TARGET_GROUP)) {
          g.edge(EdgeKind.ROUTES_TO, tg, to, ref.range(), Truth.TRUE, ref.target());
        }
      }
    }
  }

  /** A route table association: the subnet's outbound traffic goes through the table. */
  private void association(Graph.Builder g, Resource association, Resource to, Reference ref) {
    if (!to.is(Kinds.ROUTE_TABLE)) {
      return;
    }
    for (Reference other : association.references()) {
      Resource subnet = resolve(association, other);
      if (subnet != null && subnet.is(Kinds.SUBNET)) {
        g.edge(EdgeKind.EGRESS_VIA, subnet, to, ref.range(), Truth.TRUE, ref.target());
      }
    }
  }

  private java.util.Optional<Resource> routeTableOf(Graph.Builder g, Resource route) {
    for (Reference r : route.references()) {
      Resource t = resolve(route, r);
      if (t != null && t.is(Kinds.ROUTE_TABLE)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }

  /** An unresolved reference of a hop that carries traffic: an edge to an unknown node naming it. */
  private static void unresolved(Graph.Builder g, Resource from, Reference ref) {
    String target = ref.target();
    if (target.startsWith("var.") || target.startsWith("local.") || target.startsWith("AWS::")
        || target.startsWith("each.") || target.startsWith("count.") || target.startsWith("path.")) {
      return; // values, not resources: the parser already resolved or reported them
    }
    EdgeKind kind;
    if (from.is(GraphKinds.DNS_RECORD) || from.is(Kinds.CLOUDFRONT_DISTRIBUTION)) {
      if (!routes(from, ref)) {
        return;
      }
      kind = EdgeKind.ROUTES_TO;
    } else if (from.is(GraphKinds.LISTENER) || from.is(GraphKinds.LISTENER_RULE)) {
      kind = EdgeKind.ROUTES_TO;
    } else if (isCompute(from) && (looksLikeData(target) || target.startsWith("module."))) {
      kind = EdgeKind.USES;
    } else {
      return; // a reference that carries no traffic (an IAM role, a security group) is no hop
    }
    String reason = target.startsWith("module.")
        ? "an output of " + moduleOf(target) + ", whose resources the scan does not follow"
        : target.startsWith("data.") ? target + " is a data source: what it reads is outside the scan"
        : target + " is not in the scanned configuration";
    Node unknown = g.unknown(target, reason);
    g.edge(kind, g.node(from), unknown, ref.range(), Truth.UNKNOWN, target);
  }

  /** Whether the reference is written inside one of the resource's routing attributes (same line as a value there). */
  private static boolean routes(Resource from, Reference ref) {
    List<String> attributes = ROUTING_ATTRIBUTES.get(from.type());
    if (attributes == null) {
      return true;
    }
    for (String a : attributes) {
      if (writtenOn(from.attr(a), ref.range().line())) {
        return true;
      }
    }
    return false;
  }

  private static boolean writtenOn(Value v, int line) {
    if (v.location().map(l -> l.line() == line || l.hasEnd() && l.line() <= line && line <= l.endLine())
        .orElse(false)) {
      return true;
    }
    if (v instanceof Value.MapValue m) {
      return m.entries().values().stream().anyMatch(x -> writtenOn(x, line));
    }
    return v instanceof Value.ListValue l && l.items().stream().anyMatch(x -> writtenOn(x, line));
  }

  private Resource resolve(Resource from, Reference ref) {
    return byKey.get(key(from, qualified(from, ref.target())));
  }

  private static String moduleOf(String target) {
    String[] parts = target.split("\\.");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : target;
  }

  private static boolean looksLikeData(String target) {
    return startsWithAny(target, DATA_PREFIXES) || target.startsWith("data.");
  }

  /** Code that connects to things; Kubernetes objects written in Terraform keep their kind name ("v1 ConfigMap"). */
  private static boolean isCompute(Resource r) {
    return r.is(GraphKinds.COMPUTE) || GraphKinds.COMPUTE.nativeTypes().contains(r.kindName());
  }

  private static boolean isLoadBalancer(Resource r) {
    return r.is(Kinds.LOAD_BALANCER_V2) || r.is(Kinds.CLASSIC_LOAD_BALANCER);
  }

  private static boolean isPlumbing(Resource r) {
    String t = r.type().toLowerCase(Locale.ROOT);
    return t.contains("iam") || t.contains("security_group") || t.contains("securitygroup") || t.contains("kms")
        || t.contains("origin_access") || t.contains("cache_policy") || t.contains("waf") || t.contains("log");
  }

  private static boolean startsWithAny(String s, List<String> prefixes) {
    for (String p : prefixes) {
      if (s.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** A target as the model addresses it: inside a module instance or nested stack, with that prefix. */
  private static String qualified(Resource from, String target) {
    if (from.format() == Format.CLOUDFORMATION) {
      int slash = from.address().lastIndexOf('/');
      return slash < 0 ? target : from.address().substring(0, slash + 1) + target;
    }
    return from.address().substring(0, lastTypeStart(from.address())) + target;
  }

  /** Where the resource type starts in a Terraform address (after the last module segment). */
  private static int lastTypeStart(String a) {
    int i = 0;
    while (a.startsWith("module.", i)) {
      int nameEnd = i + 7;
      while (nameEnd < a.length() && a.charAt(nameEnd) != '.' && a.charAt(nameEnd) != '[') {
        nameEnd++;
      }
      if (nameEnd < a.length() && a.charAt(nameEnd) == '[') {
        nameEnd = a.indexOf(']', nameEnd) + 1;
      }
      i = nameEnd + 1;
    }
    return Math.min(i, a.length());
  }

  /** Terraform resolves within a module directory; CloudFormation within a template file. */
  private static String key(Resource r, String address) {
    return dirOf(r) + "|" + address;
  }

  private static String dirOf(Resource r) {
    if (r.format() == Format.CLOUDFORMATION) {
      return r.path();
    }
    int slash = r.path().lastIndexOf('/');
    return slash < 0 ? "" : r.path().substring(0, slash);
  }
}
